using System.Text;
using Chezlepro.Mqtt.Tests.Support;

namespace Chezlepro.Mqtt.Tests.Packaging;

/// <summary>
/// The delivery watermark's ACL (packaging/mosquitto): the collector writes every node's ack, each agent reads only its
/// own and cannot forge it, and still writes each of its outbox topics.
/// </summary>
public sealed partial class BrokerAclTests
{
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
