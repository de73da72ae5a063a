using Chezlepro.Mqtt.Packets;
using Chezlepro.Mqtt.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>§3.1.2.10 against a scripted server (a real broker always answers PINGREQ).</summary>
public sealed class KeepAliveTests
{
    private static MqttClient Client(FakeBroker fake, int keepAliveSeconds, TimeSpan? pingTimeout = null) =>
        new(new MqttClientOptions
        {
            Port = fake.Port,
            ClientId = "ka",
            KeepAlive = TimeSpan.FromSeconds(keepAliveSeconds),
            PingResponseTimeout = pingTimeout ?? TimeSpan.FromSeconds(10),
            ReconnectMinDelay = TimeSpan.FromSeconds(30),
            ReconnectMaxDelay = TimeSpan.FromSeconds(30),
        }, NullLogger<MqttClient>.Instance, TimeProvider.System);

    [Fact]
    public async Task KeepAlive_OnlyReceivedTraffic_ClientStillSendsPingreq()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake, keepAliveSeconds: 1);
        var start = client.StartAsync(default);
        await using var session = await fake.AcceptConnectedAsync();
        await start;
        // [MQTT-3.1.2-23]: received packets do not reset the client's timer; the broker talks, we must still ping.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var chatter = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                await session.WriteAsync([0x30, 3, 0, 1, (byte)'t']);
                await Task.Delay(100);
            }
        });
        var (type, _) = await session.ReadPacketAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(MqttPacketType.PingReq, type);
        await cts.CancelAsync();
        await chatter;
    }

    [Fact]
    public async Task KeepAlive_NoPingresp_ConnectionClosedAsDead()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake, keepAliveSeconds: 1, pingTimeout: TimeSpan.FromSeconds(1));
        var lost = new TaskCompletionSource<MqttDisconnectedEventArgs>();
        client.DisconnectedHandler = e =>
        {
            lost.TrySetResult(e);
            return Task.CompletedTask;
        };
        var start = client.StartAsync(default);
        await using var session = await fake.AcceptConnectedAsync();
        await start;
        var (type, _) = await session.ReadPacketAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(MqttPacketType.PingReq, type);
        var e = await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("PINGRESP", e.Reason);
        Assert.False(e.Clean);
        Assert.True(await session.ClosedByClientAsync(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task KeepAlive_Pingresp_ConnectionStays()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake, keepAliveSeconds: 1, pingTimeout: TimeSpan.FromSeconds(1));
        var start = client.StartAsync(default);
        await using var session = await fake.AcceptConnectedAsync();
        await start;
        for (var i = 0; i < 3; i++)
        {
            var (type, _) = await session.ReadPacketAsync(TimeSpan.FromSeconds(3));
            Assert.Equal(MqttPacketType.PingReq, type);
            await session.WriteAsync([0xD0, 0]);
        }
        Assert.True(client.IsConnected);
    }
}
