using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Chezlepro.Simulators.Support;

/// <summary>
/// A Modbus TCP server on 127.0.0.1 (never another address). Each request PDU goes to the handler, which returns the
/// reply PDU, or null to stay silent (a dead unit behind a gateway).
/// </summary>
public sealed class ModbusTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<byte, byte[], byte[]?> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accept;

    /// <summary>Starts listening.</summary>
    /// <param name="port">Port, 0 for any free one.</param>
    /// <param name="handler">(unit id, request PDU) → reply PDU or null.</param>
    public ModbusTcpServer(int port, Func<byte, byte[], byte[]?> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accept = AcceptAsync();
    }

    /// <summary>Port listened on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Requests served so far.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    private long _requests;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                lock (_connections)
                {
                    _connections.RemoveAll(t => t.IsCompleted);
                    _connections.Add(ServeAsync(client));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var header = new byte[7];
            try
            {
                while (true)
                {
                    await stream.ReadExactlyAsync(header, _stop.Token).ConfigureAwait(false);
                    var length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
                    if (length is < 2 or > 254)
                    {
                        return;
                    }
                    var pdu = new byte[length - 1];
                    await stream.ReadExactlyAsync(pdu, _stop.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _requests);
                    if (_handler(header[6], pdu) is not { } reply)
                    {
                        continue;
                    }
                    var adu = new byte[7 + reply.Length];
                    header.AsSpan(0, 4).CopyTo(adu);
                    BinaryPrimitives.WriteUInt16BigEndian(adu.AsSpan(4), (ushort)(reply.Length + 1));
                    adu[6] = header[6];
                    reply.CopyTo(adu, 7);
                    await stream.WriteAsync(adu, _stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or EndOfStreamException or ObjectDisposedException)
            {
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accept.ConfigureAwait(false);
        Task[] open;
        lock (_connections)
        {
            open = [.. _connections];
        }
        await Task.WhenAll(open).ConfigureAwait(false);
        _stop.Dispose();
    }
}
