using System.Net.Sockets;
using Chezlepro.Mqtt.Transport;

namespace Chezlepro.Fleet.Simulation;

/// <summary>Plain TCP to the broker through a node's <see cref="OutageSwitch"/> (one transport per connection attempt).</summary>
internal sealed class SwitchedTransport(int port, OutageSwitch cable) : IMqttTransport
{
    private Socket? _socket;
    private NetworkStream? _stream;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (cable.IsCut) throw new SocketException((int)SocketError.NetworkUnreachable);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync("127.0.0.1", port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!cable.Attach(socket)) throw new SocketException((int)SocketError.NetworkUnreachable);
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => Stream.ReadAsync(buffer, cancellationToken);

    public ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken) => Stream.WriteAsync(buffer, cancellationToken);

    public void Abort() => _socket?.Dispose();

    public ValueTask DisposeAsync()
    {
        _stream?.Dispose();
        _socket?.Dispose();
        return ValueTask.CompletedTask;
    }

    private NetworkStream Stream => _stream ?? throw new InvalidOperationException("not connected");
}
