using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chezlepro.Mqtt.Bench;

/// <summary>
/// A loopback TCP relay between one client and the broker that timestamps each QoS 1 PUBLISH going up and the
/// PUBACK with the same id coming down. It measures publish→PUBACK on the wire the same way for every client,
/// including mosquitto_pub, which cannot report it itself.
/// </summary>
internal sealed class LatencyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _brokerPort;
    private readonly long[] _sentAt = new long[65536];
    private readonly List<double> _latenciesMs = [];
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _accept;

    public LatencyProxy(int brokerPort)
    {
        _brokerPort = brokerPort;
        _listener.Start();
        _accept = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<double> TakeLatencies()
    {
        lock (_latenciesMs)
        {
            var copy = _latenciesMs.ToList();
            _latenciesMs.Clear();
            return copy;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_cts.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_cts.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            client.NoDelay = true;
            var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await upstream.ConnectAsync(IPAddress.Loopback, _brokerPort);
            _ = PumpAsync(client, upstream, up: true);
            _ = PumpAsync(upstream, client, up: false);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool up)
    {
        var buffer = new byte[256 * 1024];
        var parser = new FrameParser();
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0) break;
                var now = Stopwatch.GetTimestamp();
                parser.Feed(buffer.AsSpan(0, n), (first, body) => OnFrame(up, first, body, now));
                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None);
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    private void OnFrame(bool up, byte first, ReadOnlySpan<byte> body, long now)
    {
        var type = first >> 4;
        if (up && type == 3 && ((first >> 1) & 3) == 1 && body.Length >= 2)
        {
            var topicLength = BinaryPrimitives.ReadUInt16BigEndian(body);
            if (body.Length >= 2 + topicLength + 2) _sentAt[BinaryPrimitives.ReadUInt16BigEndian(body[(2 + topicLength)..])] = now;
        }
        else if (!up && type == 4 && body.Length >= 2)
        {
            var id = BinaryPrimitives.ReadUInt16BigEndian(body);
            var sent = _sentAt[id];
            if (sent == 0) return;
            _sentAt[id] = 0;
            lock (_latenciesMs) _latenciesMs.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        _listener.Stop();
        try
        {
            await _accept;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Splits a byte stream into MQTT frames (fixed header + Remaining Length, §2.2).</summary>
    private sealed class FrameParser
    {
        private readonly List<byte> _pending = [];

        public delegate void FrameHandler(byte first, ReadOnlySpan<byte> body);

        public void Feed(ReadOnlySpan<byte> data, FrameHandler onFrame)
        {
            foreach (var b in data) _pending.Add(b);
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pending);
            var offset = 0;
            while (span.Length - offset >= 2)
            {
                int length = 0, multiplier = 1, i = 1;
                var complete = false;
                for (; i <= 4 && offset + i < span.Length; i++)
                {
                    var lb = span[offset + i];
                    length += (lb & 0x7F) * multiplier;
                    multiplier *= 128;
                    if ((lb & 0x80) == 0)
                    {
                        complete = true;
                        break;
                    }
                }
                if (!complete) break;
                var headerLength = i + 1;
                if (span.Length - offset < headerLength + length) break;
                onFrame(span[offset], span.Slice(offset + headerLength, length));
                offset += headerLength + length;
            }
            _pending.RemoveRange(0, offset);
        }
    }
}
