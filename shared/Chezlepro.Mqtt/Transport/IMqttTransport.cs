namespace Chezlepro.Mqtt.Transport;

/// <summary>
/// Bytes to and from the broker: TCP now, TLS over the same socket. The client owns framing; a transport
/// never interprets what it carries.
/// </summary>
public interface IMqttTransport : IAsyncDisposable
{
    /// <summary>Opens the connection (and completes any TLS handshake).</summary>
    /// <param name="cancellationToken">Bounds the attempt.</param>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Reads what has arrived, at least one byte; 0 means the peer closed.</summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Writes all of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Bytes to send.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Drops the connection at once, without any goodbye (the broker then publishes the will).</summary>
    void Abort();
}
