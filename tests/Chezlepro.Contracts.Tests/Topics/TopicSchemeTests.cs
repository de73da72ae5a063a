using Chezlepro.Contracts.Topics;
using Xunit;

namespace Chezlepro.Contracts.Tests.Topics;

public sealed class TopicSchemeTests
{
    private readonly TopicScheme _scheme = new();

    [Fact]
    public void Build_ContractTopics_ExactNames()
    {
        Assert.Equal("chezlepro/v1/lanaudiere/pve1/status", _scheme.Status("lanaudiere", "pve1"));
        Assert.Equal("chezlepro/v1/lanaudiere/pve1/telemetry/victron", _scheme.Telemetry("lanaudiere", "pve1", "victron"));
        Assert.Equal("chezlepro/v1/lanaudiere/pve1/health/pbs.backup.vm-101", _scheme.Health("lanaudiere", "pve1", "pbs.backup.vm-101"));
        Assert.Equal("chezlepro/v1/lanaudiere/pve1/alerts", _scheme.Alerts("lanaudiere", "pve1"));
        Assert.Equal("chezlepro/v1/failover/public-web", _scheme.Failover("public-web"));
        Assert.Equal("chezlepro/v1/noc/alerts", _scheme.NocAlerts);
        Assert.Equal("chezlepro/v1/collector/ovh/status", _scheme.CollectorStatus("ovh"));
        Assert.Equal("chezlepro/v1/+/+/#", _scheme.AgentFilter);
        Assert.Equal("acme/v1/s/n/status", new TopicScheme("acme").Status("s", "n"));
    }

    [Theory]
    [InlineData("+", "pve1")]
    [InlineData("site", "#")]
    [InlineData("$sys", "n")]
    [InlineData("a/b", "n")]
    [InlineData("s", "n\u0000")]
    public void Build_WildcardOrControlInIdentity_Throws(string site, string node) =>
        Assert.Throws<ArgumentException>(() => _scheme.Status(site, node));

    [Fact]
    public void Build_WildcardInSourceName_Throws() =>
        Assert.Throws<ArgumentException>(() => _scheme.Telemetry("s", "n", "vic+tron"));

    [Theory]
    [InlineData("chezlepro/v1/lanaudiere/pve1/status", TopicKind.Status, "lanaudiere", "pve1", null)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/telemetry/host", TopicKind.Telemetry, "lanaudiere", "pve1", "host")]
    [InlineData("chezlepro/v1/st-bruno/pve2/health/ceph", TopicKind.Health, "st-bruno", "pve2", "ceph")]
    [InlineData("chezlepro/v1/st-bruno/pve2/alerts", TopicKind.Alerts, "st-bruno", "pve2", null)]
    [InlineData("chezlepro/v1/failover/public-web", TopicKind.Failover, null, null, "public-web")]
    [InlineData("chezlepro/v1/noc/alerts", TopicKind.NocAlerts, null, null, null)]
    [InlineData("chezlepro/v1/collector/ovh/status", TopicKind.CollectorStatus, null, null, "ovh")]
    [InlineData("chezlepro/v1/failover-applied/public-web", TopicKind.FailoverApplied, null, null, "public-web")]
    [InlineData("chezlepro/v1/lanaudiere/pve1/gaps", TopicKind.Gaps, "lanaudiere", "pve1", null)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/ack", TopicKind.Ack, "lanaudiere", "pve1", null)]
    public void TryParse_ContractTopic_Parts(string topic, TopicKind kind, string? site, string? node, string? name)
    {
        Assert.True(_scheme.TryParse(topic, out var p));
        Assert.Equal(new ParsedTopic(kind, site, node, name), p);
    }

    [Theory]
    [InlineData("")]
    [InlineData("chezlepro/v2/s/n/status")]
    [InlineData("other/v1/s/n/status")]
    [InlineData("chezlepro/v1/s/n")]
    [InlineData("chezlepro/v1/s/n/status/extra")]
    [InlineData("chezlepro/v1/S/n/status")]
    [InlineData("chezlepro/v1/s/n/telemetry")]
    [InlineData("chezlepro/v1/s/n/telemetry/a/b")]
    [InlineData("chezlepro/v1/s/n/unknown")]
    [InlineData("chezlepro/v1/noc/n/status")]
    [InlineData("chezlepro/v1/s/n/health/UPPER")]
    public void TryParse_NotAContractTopic_False(string topic) => Assert.False(_scheme.TryParse(topic, out _));

    [Fact]
    public void BuildThenParse_RoundTrips()
    {
        Assert.True(_scheme.TryParse(_scheme.Health("a1", "b-2", "probe.mail"), out var p));
        Assert.Equal(("a1", "b-2", "probe.mail"), (p.Site, p.Node, p.Name));
    }
}
