using System.Net.Sockets;

namespace Chezlepro.Modbus.Serial;

/// <summary>A TCP socket carrying serial bytes unchanged (RS485-to-Ethernet gateway in transparent mode).</summary>
/// <param name="host">Gateway host.</param>
/// <param name="port">Gateway port.</param>
public sealed class TcpByteLink(string host, int port) : IByteLink
{
    private TcpClient? _client;
    private NetworkStream? _stream;

    /// <inheritdoc />
    public bool IsOpen => _client?.Connected == true && _stream is not null;

    /// <inheritdoc />
    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        if (IsOpen)
        {
            return;
        }
        await CloseAsync().ConfigureAwait(false);
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        _client = client;
        _stream = client.GetStream();
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new InvalidOperationException("Link is not open.");
        var n = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n == 0)
        {
            throw new EndOfStreamException($"Gateway {host}:{port} closed the connection");
        }
        return n;
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new InvalidOperationException("Link is not open.");
        await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void DiscardInput()
    {
        if (_client is not { } client || _stream is not { } stream)
        {
            return;
        }
        var scratch = new byte[256];
        while (client.Available > 0)
        {
            _ = stream.Read(scratch, 0, Math.Min(scratch.Length, client.Available));
        }
    }

    /// <inheritdoc />
    public ValueTask CloseAsync()
    {
        _stream?.Dispose();
        _client?.Dispose();
        _stream = null;
        _client = null;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => CloseAsync();
}
