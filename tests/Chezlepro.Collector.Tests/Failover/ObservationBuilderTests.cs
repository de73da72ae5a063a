using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Failover;

public sealed class ObservationBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(90);

    private static readonly FailoverGroupDefinition Group = new()
    {
        Id = "public-web", Primary = "lanaudiere", Secondary = "st-bruno",
        Checks = [new CheckReference { Site = "ovh", Node = "proxy1", Check = "probe.web" }, new CheckReference { Site = "st-bruno", Node = "pve1", Check = "probe.local" }],
    };

    private static NodeView Node(string site, string node, bool online, TimeSpan ago) =>
        new(site, node, online, online ? null : "lost", 1, Now - ago, Now - ago, "1.0.0", Now - TimeSpan.FromHours(1));

    private static readonly Dictionary<(string, string), (IReadOnlyList<MetricView>, IReadOnlyList<HealthView>)> NoLatest = [];

    private static FailoverObservation Build(IReadOnlyList<NodeView> nodes, Dictionary<(string, string), (IReadOnlyList<MetricView>, IReadOnlyList<HealthView>)>? latest = null, bool connected = true) =>
        ObservationBuilder.Build(Group, Now, connected, Stale, nodes, latest ?? NoLatest);

    [Fact]
    public void Build_AllLive_HealthyAndWitness()
    {
        var o = Build([Node("lanaudiere", "pve1", true, TimeSpan.FromSeconds(2)), Node("st-bruno", "pve1", true, TimeSpan.FromSeconds(3))]);
        Assert.True(o.PrimaryReachable);
        Assert.True(o.SecondaryHealthy);
        Assert.True(o.WitnessHolds);
        Assert.False(o.PrimaryChecksCritical);
        Assert.False(o.PrimaryOnBattery);
    }

    [Fact]
    public void Build_PrimaryOnlineButStale_Unreachable()
    {
        var o = Build([Node("lanaudiere", "pve1", true, TimeSpan.FromMinutes(5)), Node("st-bruno", "pve1", true, TimeSpan.FromSeconds(3))]);
        Assert.False(o.PrimaryReachable);
        Assert.Contains(o.Facts!, f => f.Contains("stale", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_OnePrimaryNodeOfTwoOffline_StillReachable()
    {
        var o = Build([Node("lanaudiere", "pve1", false, TimeSpan.FromSeconds(2)), Node("lanaudiere", "pve2", true, TimeSpan.FromSeconds(2)), Node("st-bruno", "pve1", true, TimeSpan.Zero)]);
        Assert.True(o.PrimaryReachable);
    }

    [Fact]
    public void Build_Disconnected_NoWitness()
    {
        Assert.False(Build([Node("st-bruno", "pve1", true, TimeSpan.Zero)], connected: false).WitnessHolds);
    }

    [Fact]
    public void Build_OnlyPrimaryHeard_NoWitness()
    {
        var o = Build([Node("lanaudiere", "pve1", true, TimeSpan.Zero), Node("st-bruno", "pve1", true, TimeSpan.FromMinutes(10))]);
        Assert.False(o.WitnessHolds);
        Assert.False(o.SecondaryHealthy);
    }

    [Fact]
    public void Build_NoNodesKnown_UnreachableUnhealthyNoWitness()
    {
        var o = Build([]);
        Assert.False(o.PrimaryReachable);
        Assert.False(o.SecondaryHealthy);
        Assert.False(o.WitnessHolds);
    }

    [Fact]
    public void Build_ThirdSiteProbeCritical_PrimaryCritical_SecondaryCheckCritical_SecondaryUnhealthy()
    {
        var latest = new Dictionary<(string, string), (IReadOnlyList<MetricView>, IReadOnlyList<HealthView>)>
        {
            [("ovh", "proxy1")] = ([], [new HealthView("probe.web", HealthStatus.Critical, "down", null, Now - TimeSpan.FromSeconds(10))]),
            [("st-bruno", "pve1")] = ([], [new HealthView("probe.local", HealthStatus.Critical, "down", null, Now - TimeSpan.FromSeconds(10))]),
        };
        var o = Build([Node("lanaudiere", "pve1", true, TimeSpan.Zero), Node("st-bruno", "pve1", true, TimeSpan.Zero)], latest);
        Assert.True(o.PrimaryChecksCritical);
        Assert.False(o.SecondaryHealthy);
    }

    [Fact]
    public void Build_StaleCriticalResult_Ignored()
    {
        var latest = new Dictionary<(string, string), (IReadOnlyList<MetricView>, IReadOnlyList<HealthView>)>
        {
            [("ovh", "proxy1")] = ([], [new HealthView("probe.web", HealthStatus.Critical, "down", null, Now - TimeSpan.FromMinutes(10))]),
        };
        Assert.False(Build([Node("lanaudiere", "pve1", true, TimeSpan.Zero)], latest).PrimaryChecksCritical);
    }

    [Fact]
    public void Build_GridLostWithRuntime_OnBatteryWithSmallestRuntime()
    {
        var latest = new Dictionary<(string, string), (IReadOnlyList<MetricView>, IReadOnlyList<HealthView>)>
        {
            [("lanaudiere", "pve1")] = ([new MetricView("grid.available", 0, null, "victron", Now), new MetricView("battery.runtime", 1500, "s", "victron", Now)], []),
            [("lanaudiere", "pve2")] = ([new MetricView("battery.runtime", 1200, "s", "eg4", Now)], []),
        };
        var o = Build([Node("lanaudiere", "pve1", true, TimeSpan.Zero), Node("lanaudiere", "pve2", true, TimeSpan.Zero)], latest);
        Assert.True(o.PrimaryOnBattery);
        Assert.Equal(TimeSpan.FromSeconds(1200), o.PrimaryRuntime);
    }

    [Fact]
    public void Build_GridBackWithStaleRuntime_NotOnBattery()
    {
        var latest = new Dictionary<(string, string), (IReadOnlyList<MetricView>, IReadOnlyList<HealthView>)>
        {
            [("lanaudiere", "pve1")] = ([new MetricView("grid.available", 1, null, "victron", Now), new MetricView("battery.runtime", 600, "s", "victron", Now - TimeSpan.FromHours(1))], []),
        };
        var o = Build([Node("lanaudiere", "pve1", true, TimeSpan.Zero)], latest);
        Assert.False(o.PrimaryOnBattery);
        Assert.Null(o.PrimaryRuntime);
    }
}
