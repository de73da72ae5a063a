using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using MQTTnet.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Net = MQTTnet;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>
/// Our client against a second, independent broker: MQTTnet 5.2's server, in process. What the agent and the collector
/// rely on must hold there too: QoS 1 PUBACK, retained birth, will, durable session (queue and resend), MQTT 5.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MqttNetServerTests : IAsyncLifetime
{
    private MqttNetServer _server = null!;

    public async Task InitializeAsync() => _server = await MqttNetServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private MqttClient Client(string clientId, Action<MqttClientOptions>? configure = null)
    {
        var options = _server.ClientOptions(clientId);
        configure?.Invoke(options);
        return new MqttClient(options, NullLogger<MqttClient>.Instance, TimeProvider.System);
    }

    private async Task<(MqttClient Client, MessageCollector Collector)> SubscriberAsync(string clientId, string filter, Action<MqttClientOptions>? configure = null)
    {
        var client = Client(clientId, configure);
        var collector = new MessageCollector();
        client.MessageHandler = collector.Handler;
        await client.SubscribeAsync([new MqttTopicFilter(filter)], default);
        await client.StartAsync(default);
        return (client, collector);
    }

    private static string Text(MqttApplicationMessage m) => Encoding.UTF8.GetString(m.Payload.Span);

    [Fact]
    public async Task Qos1Publish_CompletesOnlyOnceTheServerHasTheMessage()
    {
        await using var agent = Client("site1-node1");
        await agent.StartAsync(default);
        byte[] payload = [.. "héllo"u8, 0x00, 0xFF];

        await agent.PublishAsync(new MqttApplicationMessage("chezlepro/v1/site1/node1/telemetry/host", payload), default);

        // The PUBACK that completed the publish was sent after the server took the message [MQTT-4.3.2-2].
        var seen = _server.TakeReceived();
        Assert.NotNull(seen);
        Assert.Equal(("site1-node1", "chezlepro/v1/site1/node1/telemetry/host", 1, false), (seen.ClientId, seen.Topic, seen.Qos, seen.Retain));
        Assert.Equal(payload, seen.Payload);
    }

    [Fact]
    public async Task Qos1FromServer_OurPubAckCompletesTheServersDelivery()
    {
        var acked = new TaskCompletionSource<ClientAcknowledgedPublishPacketEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Server.ClientAcknowledgedPublishPacketAsync += e =>
        {
            acked.TrySetResult(e);
            return Task.CompletedTask;
        };
        var (collector, received) = await SubscriberAsync("collector-test", "chezlepro/v1/#");
        await using var _ = collector;

        await _server.Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(new Net.MqttApplicationMessageBuilder()
            .WithTopic("chezlepro/v1/site1/node1/health/ping").WithPayload("up").WithQualityOfServiceLevel(Net.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build())
        {
            SenderClientId = "injected",
        });

        var m = await received.NextAsync();
        Assert.Equal(("chezlepro/v1/site1/node1/health/ping", "up", MqttQualityOfService.AtLeastOnce), (m.Topic, Text(m), m.QualityOfService));
        var ack = await acked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("collector-test", ack.ClientId);
        Assert.True(ack.IsCompleted);
    }

    [Fact]
    public async Task RetainedBirth_LateSubscriberGetsIt_WillReplacesItOnLoss()
    {
        var session = 0;
        await using var agent = Client("site1-node1");
        agent.WillFactory = _ => ValueTask.FromResult<MqttApplicationMessage?>(
            new MqttApplicationMessage("chezlepro/v1/site1/node1/status", Encoding.UTF8.GetBytes($"offline {Interlocked.Increment(ref session)}"), Retain: true));
        agent.ConnectedHandler = (_, ct) =>
            agent.PublishAsync(new MqttApplicationMessage("chezlepro/v1/site1/node1/status", Encoding.UTF8.GetBytes($"online {session}"), Retain: true), ct);
        await agent.StartAsync(default);
        await WaitForRetainedAsync("chezlepro/v1/site1/node1/status", "online 1");

        var (late, watcher) = await SubscriberAsync("noc", "chezlepro/v1/+/+/status");
        await using var _ = late;
        var birth = await watcher.NextAsync();
        Assert.Equal("online 1", Text(birth));
        Assert.True(birth.Retain);

        // No DISCONNECT: the server publishes the will of that connection [MQTT-3.1.2-8].
        agent.AbortConnection();
        Assert.Equal("offline 1", Text(await watcher.NextAsync()));
        Assert.Equal("online 2", Text(await watcher.NextAsync()));
    }

    [Fact]
    public async Task DurableSession_Qos1PublishedWhileAway_DeliveredInOrderOnResume()
    {
        await using (var first = Client("collector-durable", o => o.CleanSession = false))
        {
            await first.SubscribeAsync([new MqttTopicFilter("chezlepro/v1/#")], default);
            await first.StartAsync(default);
            await first.StopAsync(default);
        }
        await using var agent = Client("site1-node1");
        await agent.StartAsync(default);
        for (var i = 1; i <= 5; i++)
            await agent.PublishAsync(new MqttApplicationMessage("chezlepro/v1/site1/node1/telemetry/host", Encoding.UTF8.GetBytes($"seq {i}")), default);

        var collector = new MessageCollector();
        await using var back = Client("collector-durable", o => o.CleanSession = false);
        back.MessageHandler = collector.Handler;
        var present = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        back.ConnectedHandler = (e, _) =>
        {
            present.TrySetResult(e.SessionPresent);
            return Task.CompletedTask;
        };
        await back.StartAsync(default);

        Assert.True(await present.Task.WaitAsync(TimeSpan.FromSeconds(10)), "the server kept the durable session [MQTT-3.2.2-2]");
        for (var i = 1; i <= 5; i++) Assert.Equal($"seq {i}", Text(await collector.NextAsync()));
    }

    [Fact]
    public async Task OurUnackedQos1_ServerDropsTheConnection_ResentWithDupAndCompleted()
    {
        // The server swallows the first PUBLISH (no PUBACK) and ends the connection: our durable session must send it again.
        var swallowed = 0;
        _server.Server.InterceptingInboundPacketAsync += e =>
        {
            if (e.Packet is Net.Packets.MqttPublishPacket && Interlocked.Exchange(ref swallowed, 1) == 0)
            {
                e.ProcessPacket = false;
                _ = Task.Run(() => _server.Server.DisconnectClientAsync(e.ClientId, Net.Protocol.MqttDisconnectReasonCode.NormalDisconnection));
            }
            return Task.CompletedTask;
        };
        await using var agent = Client("site1-node1", o => o.CleanSession = false);
        await agent.StartAsync(default);

        await agent.PublishAsync(new MqttApplicationMessage("chezlepro/v1/site1/node1/telemetry/host", "seq 7"u8.ToArray()), default)
            .WaitAsync(TimeSpan.FromSeconds(20));

        var resent = await _server.NextPublishAsync();
        Assert.Equal("seq 7", Encoding.UTF8.GetString(resent.Payload));
        Assert.True(resent.Dup, "re-sent on the resumed session with DUP=1 [MQTT-3.3.1-1]");
        Assert.Null(_server.TakeReceived());
    }

    [Fact]
    public async Task Mqtt5_Qos1RoundTrip_WithSessionExpiry()
    {
        var connected = new TaskCompletionSource<ClientConnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Server.ClientConnectedAsync += e =>
        {
            connected.TrySetResult(e);
            return Task.CompletedTask;
        };
        var (sub, received) = await SubscriberAsync("collector-v5", "v5/#", o =>
        {
            o.ProtocolVersion = MqttProtocolVersion.V500;
            o.CleanSession = false;
            o.SessionExpiryInterval = TimeSpan.FromHours(1);
        });
        await using var _ = sub;
        Assert.Equal(Net.Formatter.MqttProtocolVersion.V500, (await connected.Task.WaitAsync(TimeSpan.FromSeconds(10))).ProtocolVersion);

        await sub.PublishAsync(new MqttApplicationMessage("v5/x", "five"u8.ToArray()) { UserProperties = [new MqttUserProperty("k", "v")] }, default);
        var m = await received.NextAsync();
        Assert.Equal("five", Text(m));
        Assert.Equal([new MqttUserProperty("k", "v")], m.UserProperties);
    }

    private async Task WaitForRetainedAsync(string topic, string payload)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await _server.Server.GetRetainedMessageAsync(topic) is { } m && Encoding.UTF8.GetString(m.Payload) == payload) return;
            await Task.Delay(50);
        }
        Assert.Fail($"{topic} = {payload} never retained by the server");
    }
}
