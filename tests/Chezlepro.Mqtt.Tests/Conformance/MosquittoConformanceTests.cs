using System.Diagnostics;
using System.Text;
using Chezlepro.Mqtt.Packets;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>Behaviour against the real Mosquitto 2.0.11 that the agent and collector rely on (issue 3).</summary>
[Trait("Category", "Integration")]
public sealed class MosquittoConformanceTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    private async Task<(MqttClient Client, MessageCollector Collector)> SubscriberAsync(string filter, Action<MqttClientOptions>? configure = null)
    {
        var client = TestClients.Create(_broker, configure);
        var collector = new MessageCollector();
        client.MessageHandler = collector.Handler;
        await client.StartAsync(default);
        await client.SubscribeAsync([new MqttTopicFilter(filter)], default);
        return (client, collector);
    }

    private static string Text(MqttApplicationMessage m) => Encoding.UTF8.GetString(m.Payload.Span);

    [Fact]
    public async Task RetainedBirth_PublishedOnEachConnect_ReplacedByWillOnLoss()
    {
        var session = 0;
        await using var agent = TestClients.Create(_broker);
        // The session counter moves before each CONNECT, so the will and the birth of one connection agree (contract.md).
        agent.WillFactory = _ => ValueTask.FromResult<MqttApplicationMessage?>(
            new MqttApplicationMessage("birth/node/status", Encoding.UTF8.GetBytes($"offline {Interlocked.Increment(ref session)}"), Retain: true));
        agent.ConnectedHandler = (e, ct) =>
        {
            return agent.PublishAsync(new MqttApplicationMessage("birth/node/status", Encoding.UTF8.GetBytes($"online {session}"), Retain: true), ct);
        };
        await agent.StartAsync(default);

        var (late, collector) = await SubscriberAsync("birth/#");
        await using var _ = late;
        var first = await collector.NextAsync();
        Assert.Equal("online 1", Text(first));
        Assert.True(first.Retain);

        agent.AbortConnection();
        // The will is retained too; delivered on an existing subscription it has RETAIN cleared [MQTT-3.3.1-9].
        var will = await collector.NextAsync();
        Assert.Equal("offline 1", Text(will));
        Assert.Equal("online 2", Text(await collector.NextAsync()));

        var (newcomer, fresh) = await SubscriberAsync("birth/#");
        await using var __ = newcomer;
        Assert.Equal("online 2", Text(await fresh.NextAsync()));
    }

    [Fact]
    public async Task ResumedSession_UnackedQos1_RedeliveredWithDup()
    {
        var release = new TaskCompletionSource();
        var received = new MessageCollector();
        var calls = 0;
        await using var sub = TestClients.Create(_broker, o =>
        {
            o.ClientId = "durable-dup";
            o.CleanSession = false;
        });
        sub.MessageHandler = async (m, ct) =>
        {
            await received.Handler(m, ct);
            // The first delivery is never acknowledged: the handler holds it until the connection is gone.
            if (Interlocked.Increment(ref calls) == 1) await release.Task;
        };
        var resumed = new TaskCompletionSource<MqttConnectedEventArgs>();
        sub.ConnectedHandler = (e, _) =>
        {
            if (e.ConnectionNumber == 2) resumed.TrySetResult(e);
            return Task.CompletedTask;
        };
        await sub.StartAsync(default);
        await sub.SubscribeAsync([new MqttTopicFilter("dup/#")], default);

        await using var pub = TestClients.Create(_broker);
        await pub.StartAsync(default);
        await pub.PublishAsync(new MqttApplicationMessage("dup/x", "m1"u8.ToArray()), default);
        var firstCopy = await received.NextAsync();
        Assert.False(firstCopy.Duplicate);

        sub.AbortConnection();
        var e = await resumed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // [MQTT-3.2.2-2] session kept; [MQTT-4.4.0-1] unacknowledged PUBLISH re-sent; [MQTT-3.3.1-1] with DUP=1.
        Assert.True(e.SessionPresent);
        var again = await received.NextAsync();
        Assert.Equal("m1", Text(again));
        Assert.True(again.Duplicate);
        release.SetResult();
    }

    [Fact]
    public async Task DurableSession_OfflineQos1_QueuedAndDeliveredOnResume()
    {
        var options = TestClients.Options(_broker, "durable-queue");
        options.CleanSession = false;
        await using (var first = TestClients.Create(options))
        {
            await first.StartAsync(default);
            await first.SubscribeAsync([new MqttTopicFilter("queue/#")], default);
            await first.StopAsync(default);
        }
        await using var pub = TestClients.Create(_broker);
        await pub.StartAsync(default);
        for (var i = 0; i < 5; i++) await pub.PublishAsync(new MqttApplicationMessage("queue/x", Encoding.UTF8.GetBytes($"q{i}")), default);

        // [MQTT-3.1.2-5]: QoS 1 messages for a durable session are queued while it is away.
        var collector = new MessageCollector();
        await using var back = TestClients.Create(options);
        back.MessageHandler = collector.Handler;
        var present = false;
        back.ConnectedHandler = (e, _) =>
        {
            present = e.SessionPresent;
            return Task.CompletedTask;
        };
        await back.StartAsync(default);
        Assert.True(present);
        for (var i = 0; i < 5; i++) Assert.Equal($"q{i}", Text(await collector.NextAsync()));
    }

    [Fact]
    public async Task KeepAlive_SilentClient_WillWithin1Point5KaPlus5Seconds()
    {
        var (sub, collector) = await SubscriberAsync("silent/#");
        await using var _ = sub;
        const int keepAlive = 2;
        var watch = Stopwatch.StartNew();
        using var raw = await RawMqtt.ConnectAsync(_broker.Port, new ConnectPacket("silent-raw"u8.ToArray(), true, keepAlive, null, null,
            "silent/will"u8.ToArray(), "gone"u8.ToArray(), MqttQualityOfService.AtLeastOnce, false));
        // [MQTT-3.1.2-24]: nothing for 1.5 × Keep Alive and the broker drops us; Mosquitto checks every 5 s (mqtt-sla.md §1.4).
        var will = await collector.NextAsync(TimeSpan.FromSeconds((1.5 * keepAlive) + 5 + 2));
        Assert.Equal("gone", Text(will));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.5 * keepAlive), $"will after {watch.Elapsed}");
    }

    [Fact]
    public async Task KeepAlive_IdleClient_PingsKeepItAlivePast1Point5Ka()
    {
        var (sub, collector) = await SubscriberAsync("idle/#");
        await using var _ = sub;
        await using var idle = TestClients.Create(_broker, o => o.KeepAlive = TimeSpan.FromSeconds(1));
        idle.WillFactory = _ => ValueTask.FromResult<MqttApplicationMessage?>(new MqttApplicationMessage("idle/will", "dead"u8.ToArray()));
        await idle.StartAsync(default);
        // Two broker keepalive sweeps (every 5 s) pass with no application traffic; only PINGREQs keep it alive.
        Assert.Null(await collector.NextOrNullAsync(TimeSpan.FromSeconds(6)));
        Assert.True(idle.IsConnected);
    }

    [Fact]
    public async Task Takeover_SameClientId_OldConnectionDroppedAndItsWillPublished()
    {
        var (sub, collector) = await SubscriberAsync("take/#");
        await using var _ = sub;
        await using var old = TestClients.Create(_broker, o =>
        {
            o.ClientId = "same-id";
            // Slow to come back so the test sees the takeover before the old one takes the id back.
            o.ReconnectMinDelay = TimeSpan.FromSeconds(30);
            o.ReconnectMaxDelay = TimeSpan.FromSeconds(30);
        });
        old.WillFactory = _ => ValueTask.FromResult<MqttApplicationMessage?>(new MqttApplicationMessage("take/will", "old-lost"u8.ToArray()));
        var dropped = new TaskCompletionSource<MqttDisconnectedEventArgs>();
        old.DisconnectedHandler = e =>
        {
            dropped.TrySetResult(e);
            return Task.CompletedTask;
        };
        await old.StartAsync(default);

        await using var newer = TestClients.Create(_broker, o => o.ClientId = "same-id");
        await newer.StartAsync(default);
        // [MQTT-3.1.4-2]: the server disconnects the existing client; Mosquitto 2.0.11 publishes its will (mqtt-sla.md §1.3).
        var e = await dropped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(e.Clean);
        Assert.Equal("old-lost", Text(await collector.NextAsync()));
        Assert.True(newer.IsConnected);
        Assert.False(old.IsConnected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4 * 1024 * 1024)]
    public async Task LargePayload_RoundTripsByteForByte(int size)
    {
        var (sub, collector) = await SubscriberAsync("big/#");
        await using var _ = sub;
        await using var pub = TestClients.Create(_broker);
        await pub.StartAsync(default);
        var payload = new byte[size];
        new Random(size).NextBytes(payload);
        await pub.PublishAsync(new MqttApplicationMessage("big/x", payload), default);
        Assert.Equal(payload, (await collector.NextAsync()).Payload.ToArray());
    }

    [Fact]
    public async Task LargePayload_AboveOurIncomingLimit_ConnectionClosedNotAllocated()
    {
        var (sub, collector) = await SubscriberAsync("cap/#", o => o.MaxIncomingPacketSize = 64 * 1024);
        await using var _ = sub;
        var lost = new TaskCompletionSource<MqttDisconnectedEventArgs>();
        sub.DisconnectedHandler = e =>
        {
            lost.TrySetResult(e);
            return Task.CompletedTask;
        };
        await using var pub = TestClients.Create(_broker);
        await pub.StartAsync(default);
        await pub.PublishAsync(new MqttApplicationMessage("cap/x", new byte[100 * 1024], MqttQualityOfService.AtMostOnce), default);
        var e = await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("exceeds the limit of 65536", e.Reason);
        Assert.Null(await collector.NextOrNullAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Theory]
    [InlineData("t/\u0001")]
    [InlineData("t/\u007F")]
    [InlineData("t/\u0085")]
    [InlineData("t/\uFDD0")]
    [InlineData("t/\uFFFF")]
    [InlineData("t/\u0000")]
    [InlineData("t/+")]
    [InlineData("t/#")]
    [InlineData("")]
    public async Task Utf8Rejects_RefusedBeforeSending_ConnectionSurvives(string topic)
    {
        var lost = false;
        await using var pub = TestClients.Create(_broker);
        pub.DisconnectedHandler = _ =>
        {
            lost = true;
            return Task.CompletedTask;
        };
        await pub.StartAsync(default);
        await Assert.ThrowsAsync<ArgumentException>(() => pub.PublishAsync(new MqttApplicationMessage(topic, "x"u8.ToArray()), default));
        // Mosquitto disconnects on each of these (mqtt-sla.md §1.2); we never sent it, so a QoS 1 round trip still works.
        await pub.PublishAsync(new MqttApplicationMessage("t/ok", "x"u8.ToArray()), default);
        Assert.False(lost);
    }
}
