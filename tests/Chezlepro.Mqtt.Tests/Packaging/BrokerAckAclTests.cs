using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Mqtt.Tests.Packaging;

/// <summary>
/// The delivery watermark's ACL (packaging/mosquitto): the collector writes every node's ack, each agent reads only its
/// own and cannot forge it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BrokerAckAclTests : IAsyncLifetime
{
    private readonly BrokerScript _script = new();
    private MosquittoBroker _broker = null!;
    private Dictionary<string, string> _pve1 = null!;
    private Dictionary<string, string> _pve2 = null!;
    private Dictionary<string, string> _collector = null!;

    public async Task InitializeAsync()
    {
        _pve1 = _script.Run("add-node", "lanaudiere", "pve1");
        _pve2 = _script.Run("add-node", "st-bruno", "pve2");
        _collector = _script.Run("add-collector", "ovh");
        _broker = await MosquittoBroker.StartAsync(new MosquittoOptions
        {
            AllowAnonymous = false,
            ExtraLines =
            [
                $"password_file {Path.Combine(_script.Directory, "passwd")}",
                $"acl_file {Path.Combine(_script.Directory, "acl")}",
                "use_username_as_clientid true",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _script.Dispose();
    }

    private async Task<MqttClient> ConnectAsync(Dictionary<string, string> account, MessageCollector? seen = null, string? filter = null)
    {
        var client = TestClients.Create(_broker, o =>
        {
            o.Username = account["user"];
            o.Password = account["password"];
        });
        if (seen is not null) client.MessageHandler = seen.Handler;
        await client.StartAsync(default);
        if (filter is not null) await client.SubscribeAsync([new MqttTopicFilter(filter)], default);
        return client;
    }

    private static MqttApplicationMessage Ack(string topic, string text) => new(topic, Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task CollectorWritesAcks_AgentReadsOnlyItsOwn_CannotForgeIt()
    {
        var pve1Seen = new MessageCollector();
        await using var pve1 = await ConnectAsync(_pve1, pve1Seen, "chezlepro/v1/+/+/ack");
        var pve2Seen = new MessageCollector();
        await using var pve2 = await ConnectAsync(_pve2, pve2Seen, "chezlepro/v1/+/+/ack");
        var collectorSeen = new MessageCollector();
        await using var collector = await ConnectAsync(_collector, collectorSeen, "chezlepro/v1/+/+/ack");

        // A forged watermark for its own node (PUBACKed, dropped), then the collector's real ones.
        await pve1.PublishAsync(Ack("chezlepro/v1/lanaudiere/pve1/ack", "forged"), default);
        await collector.PublishAsync(Ack("chezlepro/v1/st-bruno/pve2/ack", "pve2"), default);
        await collector.PublishAsync(Ack("chezlepro/v1/lanaudiere/pve1/ack", "pve1"), default);
        await collector.PublishAsync(Ack("chezlepro/v1/st-bruno/pve2/ack", "pve2 again"), default);

        var first = await collectorSeen.NextAsync();
        Assert.Equal("pve2", Encoding.UTF8.GetString(first.Payload.Span));
        var mine = await pve1Seen.NextAsync();
        Assert.Equal(("chezlepro/v1/lanaudiere/pve1/ack", "pve1"), (mine.Topic, Encoding.UTF8.GetString(mine.Payload.Span)));
        var theirs = await pve2Seen.NextAsync();
        Assert.Equal(("chezlepro/v1/st-bruno/pve2/ack", "pve2"), (theirs.Topic, Encoding.UTF8.GetString(theirs.Payload.Span)));
        // Order on one connection proves pve1's ack, published between the two, never reached pve2.
        Assert.Equal("pve2 again", Encoding.UTF8.GetString((await pve2Seen.NextAsync()).Payload.Span));
    }

    [Fact]
    public async Task Agent_StillWritesItsOutboxTopics()
    {
        var seen = new MessageCollector();
        await using var collector = await ConnectAsync(_collector, seen, "chezlepro/v1/#");
        await using var agent = await ConnectAsync(_pve1);
        foreach (var kind in new[] { "status", "telemetry/victron", "health/ceph", "alerts", "gaps" })
            await agent.PublishAsync(Ack($"chezlepro/v1/lanaudiere/pve1/{kind}", kind), default);
        foreach (var kind in new[] { "status", "telemetry/victron", "health/ceph", "alerts", "gaps" })
            Assert.Equal($"chezlepro/v1/lanaudiere/pve1/{kind}", (await seen.NextAsync()).Topic);
    }
}
