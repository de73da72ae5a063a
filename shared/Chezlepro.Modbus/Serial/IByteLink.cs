namespace Chezlepro.Modbus.Serial;

/// <summary>A byte pipe that carries RTU or MK2 frames: a serial port, or a TCP socket to an RS485 gateway.</summary>
public interface IByteLink : IAsyncDisposable
{
    /// <summary>True once opened and until closed or broken.</summary>
    bool IsOpen { get; }

    /// <summary>Opens the link. Does nothing when already open.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    ValueTask OpenAsync(CancellationToken cancellationToken);

    /// <summary>Waits until at least one byte is available and returns what is there (never 0 unless the peer closed).</summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="cancellationToken">Cancels the wait (per-request timeout).</param>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Writes every byte.</summary>
    /// <param name="data">Bytes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Drops bytes received and not yet read (late replies, line noise).</summary>
    void DiscardInput();

    /// <summary>Closes the link; the next <see cref="OpenAsync"/> reopens it.</summary>
    ValueTask CloseAsync();
}
