using System.Net.Sockets;

namespace Chezlepro.Mqtt.Transport;

/// <summary>Plain MQTT over TCP (§4.2, port 1883).</summary>
internal sealed class TcpMqttTransport(string host, int port) : IMqttTransport
{
    private Socket? _socket;
    private Stream? _stream;

    /// <summary>The connected socket, for layering TLS on top.</summary>
    internal Socket Socket => _socket ?? throw new InvalidOperationException("not connected");

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Stream.ReadAsync(buffer, cancellationToken);

    public ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken) =>
        Stream.WriteAsync(buffer, cancellationToken);

    public void Abort()
    {
        // Linger 0 sends RST: the broker sees an abrupt loss, as when a node loses power.
        try
        {
            _socket?.LingerState = new LingerOption(true, 0);
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
        _socket?.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        _stream?.Dispose();
        _socket?.Dispose();
        return ValueTask.CompletedTask;
    }

    private Stream Stream => _stream ?? throw new InvalidOperationException("not connected");
}
