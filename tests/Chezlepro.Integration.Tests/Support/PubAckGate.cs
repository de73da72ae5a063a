using System.Net;
using System.Net.Sockets;

namespace Chezlepro.Integration.Tests.Support;

/// <summary>
/// A loopback TCP relay between agents and the broker that can stop passing the broker's PUBACKs (and only those:
/// CONNACK, PINGRESP and the rest still flow) after a given number. It freezes a drain mid-way, deterministically:
/// the broker has the messages and forwards them, the agent never learns it and keeps them in its outbox.
/// </summary>
public sealed class PubAckGate : IAsyncDisposable
{
    private const byte PubAck = 4;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _brokerPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private readonly Task _accept;
    private int _allowance = int.MaxValue;
    private int _held;

    public PubAckGate(int brokerPort)
    {
        _brokerPort = brokerPort;
        _listener.Start();
        _accept = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>PUBACKs dropped so far.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>From now on, let <paramref name="count"/> more PUBACKs through, then drop every later one.</summary>
    public void HoldAfter(int count) => Volatile.Write(ref _allowance, count);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var broker = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await broker.ConnectAsync(IPAddress.Loopback, _brokerPort, _stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                // Broker down: the agent sees its connection refused, as it would without the relay.
                client.Dispose();
                broker.Dispose();
                continue;
            }
            lock (_sockets) _sockets.AddRange([client, broker]);
            _ = PumpUpAsync(client, broker);
            _ = PumpDownAsync(broker, client);
        }
    }

    private async Task PumpUpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        Close(from, to);
    }

    // Broker to agent, packet by packet (fixed header, remaining length, body: MQTT 3.1.1 §2.2).
    private async Task PumpDownAsync(Socket from, Socket to)
    {
        await using var input = new NetworkStream(from, ownsSocket: false);
        try
        {
            var header = new byte[1];
            while (await input.ReadAsync(header, _stop.Token) == 1)
            {
                var lengthBytes = new List<byte>();
                var length = 0;
                for (var shift = 0; ; shift += 7)
                {
                    var b = new byte[1];
                    await input.ReadExactlyAsync(b, _stop.Token);
                    lengthBytes.Add(b[0]);
                    length |= (b[0] & 0x7F) << shift;
                    if ((b[0] & 0x80) == 0) break;
                }
                var packet = new byte[1 + lengthBytes.Count + length];
                packet[0] = header[0];
                lengthBytes.CopyTo(packet, 1);
                await input.ReadExactlyAsync(packet.AsMemory(1 + lengthBytes.Count), _stop.Token);
                if (header[0] >> 4 == PubAck && Interlocked.Decrement(ref _allowance) < 0)
                {
                    Interlocked.Increment(ref _held);
                    continue;
                }
                await to.SendAsync(packet, SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        Close(from, to);
    }

    private static void Close(Socket a, Socket b)
    {
        a.Dispose();
        b.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_sockets)
        {
            foreach (var s in _sockets) s.Dispose();
        }
        await _accept.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
