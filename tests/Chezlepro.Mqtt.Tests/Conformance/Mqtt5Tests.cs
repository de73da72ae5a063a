using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>MQTT 5 as an option against Mosquitto 2.0.11: reason codes, expiry, user properties (mqtt-sla.md §1.14).</summary>
[Trait("Category", "Integration")]
public sealed class Mqtt5Tests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() =>
        _broker = await MosquittoBroker.StartAsync(new MosquittoOptions
        {
            AllowAnonymous = false,
            Users = new Dictionary<string, string> { ["site1-node1"] = "pw1", ["watcher"] = "pw2" },
            Acl = "user site1-node1\ntopic write v5/site1/#\ntopic read v5/#\n\nuser watcher\ntopic read v5/#\n",
        });

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    private MqttClient Client(string user, string password, Action<MqttClientOptions>? configure = null) => TestClients.Create(_broker, o =>
    {
        o.ProtocolVersion = MqttProtocolVersion.V500;
        o.Username = user;
        o.Password = password;
        configure?.Invoke(o);
    });

    [Fact]
    public async Task Publish_AclDenied_PubackReasonCode0x87Visible()
    {
        await using var agent = Client("site1-node1", "pw1");
        await agent.StartAsync(default);
        // With 3.1.1 this is a silent drop (PUBACK 0); MQTT 5 reports it [§3.4.2.1].
        var ex = await Assert.ThrowsAsync<MqttPublishRejectedException>(() =>
            agent.PublishAsync(new MqttApplicationMessage("v5/site2/status", "forged"u8.ToArray()), default));
        Assert.Equal(0x87, ex.ReasonCode);
        Assert.Contains("not authorized", ex.Message);
        // The id and window slot were freed; the connection is fine.
        await agent.PublishAsync(new MqttApplicationMessage("v5/site1/status", "ok"u8.ToArray()), default);
        Assert.True(agent.IsConnected);
    }

    [Fact]
    public async Task Publish_UserPropertiesAndExpiry_ArriveAtV5Subscriber()
    {
        var seen = new MessageCollector();
        await using var watcher = Client("watcher", "pw2");
        watcher.MessageHandler = seen.Handler;
        await watcher.StartAsync(default);
        await watcher.SubscribeAsync([new MqttTopicFilter("v5/#")], default);
        await using var agent = Client("site1-node1", "pw1");
        await agent.StartAsync(default);
        await agent.PublishAsync(new MqttApplicationMessage("v5/site1/alerts", "grid lost"u8.ToArray())
        {
            MessageExpiryInterval = TimeSpan.FromMinutes(10),
            UserProperties = [new("schema", "1"), new("event-id", "é-42"), new("schema", "dup")],
        }, default);
        var got = await seen.NextAsync();
        Assert.Equal("grid lost", Encoding.UTF8.GetString(got.Payload.Span));
        // [MQTT-3.3.2-17/-18]: forwarded unchanged and in order, repeats kept.
        Assert.Equal([new("schema", "1"), new("event-id", "é-42"), new("schema", "dup")], got.UserProperties!);
        // [MQTT-3.3.2-6]: the remaining lifetime is forwarded.
        Assert.InRange(got.MessageExpiryInterval!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Connect_BadPassword_ReasonCodeInError()
    {
        await using var client = Client("site1-node1", "wrong");
        var ex = await Assert.ThrowsAsync<MqttConnectRefusedException>(() => client.StartAsync(default));
        Assert.True(ex.ReturnCode is 0x86 or 0x87, $"reason 0x{ex.ReturnCode:X2}");
        Assert.DoesNotContain("wrong", ex.Message);
    }

    [Fact]
    public async Task SessionExpiry_Resumed_QueuedMessageDelivered()
    {
        void Durable(MqttClientOptions o)
        {
            o.ClientId = "v5-durable";
            o.CleanSession = false;
            o.SessionExpiryInterval = TimeSpan.FromMinutes(5);
        }
        await using (var first = Client("watcher", "pw2", Durable))
        {
            await first.StartAsync(default);
            await first.SubscribeAsync([new MqttTopicFilter("v5/#")], default);
            await first.StopAsync(default);
        }
        await using var agent = Client("site1-node1", "pw1");
        await agent.StartAsync(default);
        await agent.PublishAsync(new MqttApplicationMessage("v5/site1/t", "while away"u8.ToArray()), default);

        var seen = new MessageCollector();
        await using var back = Client("watcher", "pw2", Durable);
        back.MessageHandler = seen.Handler;
        var present = false;
        back.ConnectedHandler = (e, _) =>
        {
            present = e.SessionPresent;
            return Task.CompletedTask;
        };
        await back.StartAsync(default);
        // §3.1.2.11.2: with an expiry above 0 the session outlived the connection.
        Assert.True(present);
        Assert.Equal("while away", Encoding.UTF8.GetString((await seen.NextAsync()).Payload.Span));
    }

    [Fact]
    public async Task ServerDisconnect_ReasonCodeReported()
    {
        // Mosquitto 2.0.11 closes a taken-over v5 connection without a DISCONNECT, so a scripted server sends one.
        await using var fake = new FakeBroker();
        var dropped = new TaskCompletionSource<MqttDisconnectedEventArgs>();
        await using var client = new MqttClient(new MqttClientOptions
        {
            Port = fake.Port,
            ClientId = "v5-fake",
            ProtocolVersion = MqttProtocolVersion.V500,
            ReconnectMinDelay = TimeSpan.FromSeconds(30),
            ReconnectMaxDelay = TimeSpan.FromSeconds(30),
        }, Microsoft.Extensions.Logging.Abstractions.NullLogger<MqttClient>.Instance, TimeProvider.System);
        client.DisconnectedHandler = e =>
        {
            dropped.TrySetResult(e);
            return Task.CompletedTask;
        };
        var start = client.StartAsync(default);
        await using var session = await fake.AcceptAsync();
        var (type, body) = await session.ReadPacketAsync();
        Assert.Equal(Chezlepro.Mqtt.Packets.MqttPacketType.Connect, type);
        Assert.Equal(5, body[6]);
        await session.WriteAsync([0x20, 3, 0, 0, 0]);
        await start;
        await session.WriteAsync([0xE0, 2, 0x8E, 0]);
        var e = await dropped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("session taken over (0x8E)", e.Reason);
    }
}
