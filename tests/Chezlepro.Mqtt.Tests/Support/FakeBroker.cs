using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Chezlepro.Mqtt.Packets;

namespace Chezlepro.Mqtt.Tests.Support;

/// <summary>
/// A scripted server on loopback port 0 for what a real broker will not do: stay silent on PINGREQ, send
/// garbage, claim a 256 MB packet. One accepted connection at a time.
/// </summary>
internal sealed class FakeBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FakeBroker() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async Task<FakeSession> AcceptAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var socket = await _listener.AcceptSocketAsync(cts.Token);
        return new FakeSession(new NetworkStream(socket, ownsSocket: true));
    }

    /// <summary>Accepts, reads CONNECT and answers CONNACK with <paramref name="returnCode"/> and Session Present.</summary>
    public async Task<FakeSession> AcceptConnectedAsync(byte returnCode = 0, bool sessionPresent = false)
    {
        var session = await AcceptAsync();
        var (type, _) = await session.ReadPacketAsync();
        Assert.Equal(MqttPacketType.Connect, type);
        await session.WriteAsync([0x20, 2, (byte)(sessionPresent ? 1 : 0), returnCode]);
        return session;
    }

    public ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One accepted connection of a <see cref="FakeBroker"/>.</summary>
internal sealed class FakeSession(NetworkStream stream) : IAsyncDisposable
{
    public Task WriteAsync(byte[] bytes) => stream.WriteAsync(bytes).AsTask();

    /// <summary>Reads one client packet: its type and body; throws <see cref="EndOfStreamException"/> when the client closed.</summary>
    public async Task<(MqttPacketType Type, byte[] Body)> ReadPacketAsync(TimeSpan? timeout = null)
    {
        var (type, _, body) = await ReadPacketWithFlagsAsync(timeout);
        return (type, body);
    }

    /// <summary>Reads one client packet with the flag bits of its fixed header (DUP, QoS, RETAIN for PUBLISH).</summary>
    public async Task<(MqttPacketType Type, byte Flags, byte[] Body)> ReadPacketWithFlagsAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var first = await ReadByteAsync(cts.Token);
        int length = 0, multiplier = 1;
        while (true)
        {
            var b = await ReadByteAsync(cts.Token);
            length += (b & 0x7F) * multiplier;
            multiplier *= 128;
            if ((b & 0x80) == 0) break;
        }
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cts.Token);
        return ((MqttPacketType)(first >> 4), (byte)(first & 0x0F), body);
    }

    /// <summary>Reads one QoS 1 PUBLISH (MQTT 3.1.1): DUP flag, packet id, topic, payload as UTF-8.</summary>
    public async Task<(bool Dup, ushort Id, string Topic, string Payload)> ReadPublishAsync()
    {
        var (type, flags, body) = await ReadPacketWithFlagsAsync();
        Assert.Equal(MqttPacketType.Publish, type);
        Assert.Equal(1, (flags >> 1) & 3);
        var topicLength = BinaryPrimitives.ReadUInt16BigEndian(body);
        var topic = Encoding.UTF8.GetString(body, 2, topicLength);
        var id = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(2 + topicLength));
        var payload = Encoding.UTF8.GetString(body, 4 + topicLength, body.Length - 4 - topicLength);
        return ((flags & 0x08) != 0, id, topic, payload);
    }

    /// <summary>Sends the PUBACK of <paramref name="id"/>.</summary>
    public Task PubAckAsync(ushort id) => WriteAsync([0x40, 2, (byte)(id >> 8), (byte)id]);

    /// <summary>True when the client closed the connection (EOF or reset) within <paramref name="timeout"/>.</summary>
    public async Task<bool> ClosedByClientAsync(TimeSpan timeout)
    {
        try
        {
            while (true) await ReadPacketAsync(timeout);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<byte> ReadByteAsync(CancellationToken ct)
    {
        var one = new byte[1];
        await stream.ReadExactlyAsync(one, ct);
        return one[0];
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
