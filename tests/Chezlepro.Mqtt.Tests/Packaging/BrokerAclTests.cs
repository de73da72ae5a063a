using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Mqtt.Tests.Packaging;

/// <summary>
/// The ACL that packaging/mosquitto/chezlepro-broker.sh writes, enforced by a real Mosquitto: each node writes only
/// under its own subtree. A denied publish is still acknowledged (PUBACK) and silently dropped (mqtt-sla.md §1.5).
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class BrokerAclTests : IAsyncLifetime
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

    private async Task<MqttClient> ConnectAsync(Dictionary<string, string> account, MessageCollector? collector = null, string? filter = null)
    {
        var client = TestClients.Create(_broker, o =>
        {
            o.Username = account["user"];
            o.Password = account["password"];
        });
        if (collector is not null) client.MessageHandler = collector.Handler;
        await client.StartAsync(default);
        if (filter is not null) await client.SubscribeAsync([new MqttTopicFilter(filter)], default);
        return client;
    }

    private static MqttApplicationMessage Msg(string topic, string text) => new(topic, Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Agent_PublishUnderOtherSite_AckedButDropped()
    {
        var seen = new MessageCollector();
        await using var collector = await ConnectAsync(_collector, seen, "chezlepro/v1/#");
        await using var agent = await ConnectAsync(_pve1);

        // PUBACK arrives for the forbidden topics: PublishAsync completes without error.
        await agent.PublishAsync(Msg("chezlepro/v1/st-bruno/pve2/status", "forged"), default);
        await agent.PublishAsync(Msg("chezlepro/v1/lanaudiere/pve2/status", "forged"), default);
        await agent.PublishAsync(Msg("chezlepro/v1/failover/public-web", "forged"), default);
        await agent.PublishAsync(Msg("chezlepro/v1/lanaudiere/pve1/status", "mine"), default);

        // Only its own subtree reaches the collector; the order on one connection proves the forged ones were dropped.
        var first = await seen.NextAsync();
        Assert.Equal("chezlepro/v1/lanaudiere/pve1/status", first.Topic);
        Assert.Null(await seen.NextOrNullAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Collector_WritesFailover_AgentReadsIt_ButCannotImpersonateNode()
    {
        var agentSeen = new MessageCollector();
        await using var agent = await ConnectAsync(_pve1, agentSeen, "chezlepro/v1/#");
        var collectorSeen = new MessageCollector();
        await using var collector = await ConnectAsync(_collector, collectorSeen, "chezlepro/v1/#");

        await collector.PublishAsync(Msg("chezlepro/v1/lanaudiere/pve1/status", "impersonated"), default);
        await collector.PublishAsync(Msg("chezlepro/v1/collector/other/status", "not mine"), default);
        await collector.PublishAsync(Msg("chezlepro/v1/failover/public-web", "decision"), default);
        await collector.PublishAsync(Msg("chezlepro/v1/collector/ovh/status", "online"), default);

        // The agent may read failover decisions and collector status, nothing else of others.
        var a1 = await agentSeen.NextAsync();
        var a2 = await agentSeen.NextAsync();
        Assert.Equal(["chezlepro/v1/failover/public-web", "chezlepro/v1/collector/ovh/status"], new[] { a1.Topic, a2.Topic });
        Assert.Null(await agentSeen.NextOrNullAsync(TimeSpan.FromMilliseconds(300)));
        var c1 = await collectorSeen.NextAsync();
        Assert.Equal("chezlepro/v1/failover/public-web", c1.Topic);
    }

    [Fact]
    public async Task AddNodeAgain_ResetsPassword_OldOneRefused()
    {
        var renewed = _script.Run("add-node", "lanaudiere", "pve1");
        await _broker.StopAsync();
        await _broker.StartAgainAsync();
        await using var stale = TestClients.Create(_broker, o =>
        {
            o.Username = _pve1["user"];
            o.Password = _pve1["password"];
        });
        await Assert.ThrowsAsync<MqttConnectRefusedException>(() => stale.StartAsync(default));
        await using var fresh = await ConnectAsync(renewed);
        Assert.True(fresh.IsConnected);
        Assert.Equal(1, File.ReadAllText(Path.Combine(_script.Directory, "acl")).Split("user lanaudiere-pve1").Length - 1);
    }
}
