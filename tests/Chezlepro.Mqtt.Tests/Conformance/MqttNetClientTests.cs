using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing.Mosquitto;
using MQTTnet.Server;
using Net = MQTTnet;
using NetQos = MQTTnet.Protocol.MqttQualityOfServiceLevel;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>
/// MQTTnet 5.2's client through the real Mosquitto, held to what our collector and agents expect of a client: QoS 1
/// publish completed by PUBACK, retained birth and will, a durable session that queues while away, and redelivery
/// (DUP) of what was not acknowledged because storage had not committed. Our client sits on the other side.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MqttNetClientTests : IAsyncLifetime
{
    private readonly List<Net.IMqttClient> _netClients = [];
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var c in _netClients) c.Dispose();
        await _broker.DisposeAsync();
    }

    private Net.IMqttClient NetClient()
    {
        var client = new Net.MqttClientFactory().CreateMqttClient();
        _netClients.Add(client);
        return client;
    }

    private Net.MqttClientOptionsBuilder NetOptions(string clientId) => new Net.MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", _broker.Port)
        .WithClientId(clientId)
        .WithProtocolVersion(Net.Formatter.MqttProtocolVersion.V311)
        .WithTimeout(TimeSpan.FromSeconds(10));

    private async Task<(MqttClient Client, MessageCollector Collector)> OurSubscriberAsync(string filter, Action<MqttClientOptions>? configure = null)
    {
        var client = TestClients.Create(_broker, configure);
        var collector = new MessageCollector();
        client.MessageHandler = collector.Handler;
        await client.SubscribeAsync([new MqttTopicFilter(filter)], default);
        await client.StartAsync(default);
        return (client, collector);
    }

    private static Net.MqttApplicationMessage NetMessage(string topic, byte[] payload, bool retain = false) => new Net.MqttApplicationMessageBuilder()
        .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(NetQos.AtLeastOnce).WithRetainFlag(retain).Build();

    private static string Text(MqttApplicationMessage m) => Encoding.UTF8.GetString(m.Payload.Span);

    private static string NetText(Net.MqttApplicationMessage m) => Encoding.UTF8.GetString(m.Payload);

    [Fact]
    public async Task NetPublisher_Qos1_CompletedByPubAck_OurDurableSubscriberGetsExactBytes()
    {
        var (collector, received) = await OurSubscriberAsync("chezlepro/v1/#", o => o.CleanSession = false);
        await using var _ = collector;
        var agent = NetClient();
        await agent.ConnectAsync(NetOptions("site1-node1").Build());
        byte[] payload = [.. "{\"seq\":1,\"é\":true}"u8, 0x00, 0xFF];

        var result = await agent.PublishAsync(NetMessage("chezlepro/v1/site1/node1/telemetry/host", payload));

        Assert.True(result.IsSuccess);
        Assert.NotNull(result.PacketIdentifier); // QoS 1: a packet id, completed by the broker's PUBACK
        var m = await received.NextAsync();
        Assert.Equal(("chezlepro/v1/site1/node1/telemetry/host", MqttQualityOfService.AtLeastOnce, false), (m.Topic, m.QualityOfService, m.Retain));
        Assert.Equal(payload, m.Payload.ToArray());
    }

    [Fact]
    public async Task NetAgent_RetainedBirthAndWill_AsTheCollectorReadsThem()
    {
        const string status = "chezlepro/v1/site1/node1/status";
        var agent = NetClient();
        await agent.ConnectAsync(NetOptions("site1-node1")
            .WithWillTopic(status).WithWillPayload("offline 1").WithWillQualityOfServiceLevel(NetQos.AtLeastOnce).WithWillRetain()
            .Build());
        await agent.PublishAsync(NetMessage(status, "online 1"u8.ToArray(), retain: true));

        // Subscribing after the birth: the collector still learns it, retained [MQTT-3.3.1-6].
        var (collector, received) = await OurSubscriberAsync("chezlepro/v1/+/+/status");
        await using var _ = collector;
        var birth = await received.NextAsync();
        Assert.Equal("online 1", Text(birth));
        Assert.True(birth.Retain);

        // The connection is lost without DISCONNECT (a takeover by the same client id ends it): the broker publishes the will.
        await using var takeover = TestClients.Create(_broker, o => o.ClientId = "site1-node1");
        await takeover.StartAsync(default);
        var will = await received.NextAsync();
        Assert.Equal("offline 1", Text(will));
        Assert.Equal(MqttQualityOfService.AtLeastOnce, will.QualityOfService);
    }

    [Fact]
    public async Task NetCollector_DurableSession_QueuedWhileAway_DeliveredInOrderOnResume()
    {
        var collector = NetClient();
        var options = NetOptions("collector-durable").WithCleanSession(false).Build();
        await collector.ConnectAsync(options);
        await collector.SubscribeAsync(new Net.MqttClientSubscribeOptionsBuilder().WithTopicFilter("chezlepro/v1/#", NetQos.AtLeastOnce).Build());
        await collector.DisconnectAsync(new Net.MqttClientDisconnectOptionsBuilder().Build());

        await using var agent = TestClients.Create(_broker);
        await agent.StartAsync(default);
        for (var i = 1; i <= 5; i++)
            await agent.PublishAsync(new MqttApplicationMessage("chezlepro/v1/site1/node1/telemetry/host", Encoding.UTF8.GetBytes($"seq {i}")), default);

        var received = new List<string>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        collector.ApplicationMessageReceivedAsync += e =>
        {
            lock (received)
            {
                received.Add(NetText(e.ApplicationMessage));
                if (received.Count == 5) all.TrySetResult();
            }
            return Task.CompletedTask;
        };
        var resumed = await collector.ConnectAsync(options);

        Assert.True(resumed.IsSessionPresent);
        await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lock (received) Assert.Equal(Enumerable.Range(1, 5).Select(i => $"seq {i}"), received);
    }

    [Fact]
    public async Task NetCollector_AckWithheldUntilCommit_RedeliveredWithDupOnResume()
    {
        // The collector acknowledges only after its store commits; a message it never acknowledged must come back.
        var collector = NetClient();
        var options = NetOptions("collector-durable").WithCleanSession(false).Build();
        var deliveries = new List<(string Payload, bool Dup)>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<Net.MqttApplicationMessageReceivedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        collector.ApplicationMessageReceivedAsync += e =>
        {
            e.AutoAcknowledge = false; // the store has not committed: no PUBACK
            lock (deliveries)
            {
                deliveries.Add((NetText(e.ApplicationMessage), e.ApplicationMessage.Dup));
                if (deliveries.Count == 1) first.TrySetResult();
                else second.TrySetResult(e);
            }
            return Task.CompletedTask;
        };
        await collector.ConnectAsync(options);
        await collector.SubscribeAsync(new Net.MqttClientSubscribeOptionsBuilder().WithTopicFilter("chezlepro/v1/#", NetQos.AtLeastOnce).Build());
        await using var agent = TestClients.Create(_broker);
        await agent.StartAsync(default);
        await agent.PublishAsync(new MqttApplicationMessage("chezlepro/v1/site1/node1/telemetry/host", "seq 1"u8.ToArray()), default);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The collector goes away before committing; its durable session keeps the unacknowledged message.
        await collector.DisconnectAsync(new Net.MqttClientDisconnectOptionsBuilder().Build());
        var resumed = await collector.ConnectAsync(options);
        Assert.True(resumed.IsSessionPresent);
        var again = await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await again.AcknowledgeAsync(default);

        lock (deliveries) Assert.Equal([("seq 1", false), ("seq 1", true)], deliveries);
    }

    [Fact]
    public async Task NetPublisher_UnackedQos1_ConnectionLost_NotResentOnTheResumedSession()
    {
        // What our client does in MqttNetServerTests.OurUnackedQos1_ServerDropsTheConnection_ResentWithDupAndCompleted,
        // asked of MQTTnet's: a scriptable broker swallows the first PUBLISH (no PUBACK) and ends the connection.
        await using var server = await MqttNetServer.StartAsync();
        var swallowed = 0;
        server.Server.InterceptingInboundPacketAsync += e =>
        {
            if (e.Packet is Net.Packets.MqttPublishPacket && Interlocked.Exchange(ref swallowed, 1) == 0)
            {
                e.ProcessPacket = false;
                _ = Task.Run(() => server.Server.DisconnectClientAsync(e.ClientId, Net.Protocol.MqttDisconnectReasonCode.NormalDisconnection));
            }
            return Task.CompletedTask;
        };
        var agent = NetClient();
        var options = new Net.MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", server.Port).WithClientId("site1-node1")
            .WithCleanSession(false).WithProtocolVersion(Net.Formatter.MqttProtocolVersion.V311).WithTimeout(TimeSpan.FromSeconds(10)).Build();
        await agent.ConnectAsync(options);
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.DisconnectedAsync += _ =>
        {
            disconnected.TrySetResult();
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<Net.Exceptions.MqttCommunicationException>(
            () => agent.PublishAsync(NetMessage("chezlepro/v1/site1/node1/telemetry/host", "seq 7"u8.ToArray())).WaitAsync(TimeSpan.FromSeconds(20)));
        // No reconnect of its own (MQTTnet 5 has no managed client): the application connects again, on the same session,
        // once MQTTnet has finished its own disconnect (connecting while it is still pending is refused).
        await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(agent.IsConnected);
        var resumed = await ConnectWhenIdleAsync(agent, options);
        Assert.True(resumed.IsSessionPresent);
        await agent.PublishAsync(NetMessage("chezlepro/v1/site1/node1/telemetry/host", "marker"u8.ToArray()));

        // A resend would have gone out right after CONNACK, before the marker [MQTT-4.4.0-1]: the marker comes first,
        // so the unacknowledged message is the application's to send again (our client does it itself).
        var next = await server.NextPublishAsync();
        Assert.Equal("marker", Encoding.UTF8.GetString(next.Payload));
        Assert.Null(server.TakeReceived());
    }

    // MQTTnet raises DisconnectedAsync before it clears its pending-disconnect flag: a connect in between is refused.
    private static async Task<Net.MqttClientConnectResult> ConnectWhenIdleAsync(Net.IMqttClient client, Net.MqttClientOptions options)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await client.ConnectAsync(options);
            }
            catch (InvalidOperationException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }
}
