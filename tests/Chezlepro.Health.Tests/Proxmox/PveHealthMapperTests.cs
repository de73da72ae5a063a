using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Proxmox;
using Chezlepro.Health.Proxmox.Replies;
using Chezlepro.Health.Tests.Support;

namespace Chezlepro.Health.Tests.Proxmox;

public class PveHealthMapperTests
{
    private static PveSnapshot Snapshot(string status, string resources, string ha = "pve8/ha-healthy.json") => new()
    {
        Now = Fixture.Now,
        ClusterStatus = Fixture.Ok<List<PveClusterStatusEntry>>(status),
        Resources = Fixture.Ok<List<PveResource>>(resources),
        Ha = Fixture.Ok<List<PveHaStatusEntry>>(ha),
    };

    [Fact]
    public void Map_HealthyCluster_EveryCheckOk()
    {
        var s = Snapshot("pve8/cluster-status-healthy.json", "pve8/resources-healthy.json");
        s.NodeStatus["pve1"] = Fixture.Ok<PveNodeStatus>("pve8/node-status.json");

        var report = PveHealthMapper.Map(s, new PveThresholds());

        Assert.All(report.Checks, c => Assert.Equal(HealthStatus.Ok, c.Status));
        Assert.Equal(["proxmox.quorum", "proxmox.node.pve1", "proxmox.node.pve2", "proxmox.node.pve3", "proxmox.ha"],
            report.Checks.Select(c => c.Check));
        Assert.Equal("quorate, 3/3 nodes online", report.Find("proxmox.quorum")!.SummaryEn);
        var pve1 = report.Find("proxmox.node.pve1")!;
        Assert.Equal("pve1 online, up 10d 0h, load 1.20, mem 25%", pve1.SummaryEn);
        Assert.Equal("quorum atteint, 3/3 nœuds en ligne", report.Find("proxmox.quorum")!.Summary);
        Assert.Equal("pve1 en ligne, en marche depuis 10\u00a0j 0\u00a0h, charge 1,20, mém. 25\u00a0%", pve1.Summary);
        Assert.Equal(1.2, pve1.Details!["load1"]!.GetValue<double>());
        Assert.Contains("restarted 5 min ago", report.Find("proxmox.node.pve2")!.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_HealthyCluster_GuestsAsTelemetryWithoutTemplates()
    {
        var report = PveHealthMapper.Map(Snapshot("pve8/cluster-status-healthy.json", "pve8/resources-healthy.json"), new PveThresholds());

        Assert.Contains(report.Samples, x => x.Metric == "guest.100.running" && x.Value == 1);
        Assert.Contains(report.Samples, x => x.Metric == "guest.201.running" && x.Value == 0);
        Assert.DoesNotContain(report.Samples, x => x.Metric.StartsWith("guest.9000.", StringComparison.Ordinal));
        Assert.Contains(report.Samples, x => x.Metric == "storage.pve1.ceph-vm.used" && x.Value == 25);
        Assert.Contains(report.Samples, x => x.Metric == "cluster.quorate" && x.Value == 1);
    }

    [Fact]
    public void Map_NodeOffline_NodeCriticalQuorumWarning()
    {
        var report = PveHealthMapper.Map(Snapshot("pve8/cluster-status-node-down.json", "pve8/resources-node-down.json"), new PveThresholds());

        var quorum = report.Find("proxmox.quorum")!;
        Assert.Equal(HealthStatus.Warning, quorum.Status);
        Assert.Equal("quorate, 2/3 nodes online (pve3 offline)", quorum.SummaryEn);
        Assert.Equal(HealthStatus.Critical, report.Find("proxmox.node.pve3")!.Status);
        Assert.Equal("pve3 is offline", report.Find("proxmox.node.pve3")!.SummaryEn);
        Assert.Equal("quorum atteint, 2/3 nœuds en ligne (pve3 hors ligne)", quorum.Summary);
        Assert.Equal("pve3 est hors ligne", report.Find("proxmox.node.pve3")!.Summary);
    }

    [Fact]
    public void Map_StorageInactiveOrFull_NodeWarning()
    {
        var report = PveHealthMapper.Map(Snapshot("pve8/cluster-status-node-down.json", "pve8/resources-node-down.json"), new PveThresholds());

        Assert.Equal(HealthStatus.Warning, report.Find("proxmox.node.pve1")!.Status);
        Assert.Contains("storage local 95% full", report.Find("proxmox.node.pve1")!.SummaryEn, StringComparison.Ordinal);
        Assert.Contains("storage pbs-main unknown", report.Find("proxmox.node.pve2")!.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_QuorumLost_Critical()
    {
        var report = PveHealthMapper.Map(Snapshot("pve8/cluster-status-no-quorum.json", "pve8/resources-healthy.json"), new PveThresholds());

        var quorum = report.Find("proxmox.quorum")!;
        Assert.Equal(HealthStatus.Critical, quorum.Status);
        Assert.Equal("cluster site-a has NO quorum: 1/3 nodes online", quorum.SummaryEn);
        Assert.Equal("la grappe site-a n’a PAS le quorum\u00a0: 1/3 nœuds en ligne", quorum.Summary);
        Assert.False(quorum.Details!["quorate"]!.GetValue<bool>());
    }

    [Fact]
    public void Map_StandaloneNode_OkNotQuorumLost()
    {
        var report = PveHealthMapper.Map(Snapshot("pve8/cluster-status-standalone.json", "pve9/resources.json"), new PveThresholds());

        Assert.Equal(HealthStatus.Ok, report.Find("proxmox.quorum")!.Status);
        Assert.Equal("standalone node (no cluster)", report.Find("proxmox.quorum")!.SummaryEn);
    }

    [Fact]
    public void Map_ClusterEntryWithoutQuorate_UnknownNamingTheField()
    {
        var report = PveHealthMapper.Map(Snapshot("pve8/cluster-status-missing-quorate.json", "pve8/resources-healthy.json"), new PveThresholds());

        Assert.Equal(HealthStatus.Unknown, report.Find("proxmox.quorum")!.Status);
        Assert.Contains("lacks 'quorate'", report.Find("proxmox.quorum")!.SummaryEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pve8/ha-error.json", HealthStatus.Critical, "HA: ct:201 error on pve2")]
    [InlineData("pve8/ha-stale-master.json", HealthStatus.Warning, "HA: CRM master pve2 silent for 600 s")]
    [InlineData("pve8/ha-unused.json", HealthStatus.Ok, "HA not in use (no HA resources)")]
    [InlineData("pve9/ha-fencing.json", HealthStatus.Warning, "HA: vm:100 recovery on pve1")]
    [InlineData("pve8/ha-healthy.json", HealthStatus.Ok, "HA: 1 resources managed, master pve1")]
    public void Map_HaStates_MapAsDocumented(string fixture, HealthStatus expected, string summary)
    {
        var report = PveHealthMapper.Map(Snapshot("pve8/cluster-status-healthy.json", "pve8/resources-healthy.json", fixture), new PveThresholds());

        var ha = report.Find("proxmox.ha")!;
        Assert.Equal(expected, ha.Status);
        Assert.Equal(summary, ha.SummaryEn);
    }

    [Fact]
    public void Map_Pve9Fencing_ArmedStateInDetails()
    {
        var report = PveHealthMapper.Map(Snapshot("pve9/cluster-status.json", "pve9/resources.json", "pve9/ha-fencing.json"), new PveThresholds());

        Assert.Equal("armed", report.Find("proxmox.ha")!.Details!["fencing"]!.GetValue<string>());
    }

    [Fact]
    public void Map_Pve9StringNumbersAndNewTypes_ParsedAndThresholdsApplied()
    {
        var s = Snapshot("pve9/cluster-status.json", "pve9/resources.json");
        s.NodeStatus["pve1"] = Fixture.Ok<PveNodeStatus>("pve9/node-status.json");

        var report = PveHealthMapper.Map(s, new PveThresholds());

        var node = report.Find("proxmox.node.pve1")!;
        Assert.Equal(HealthStatus.Warning, node.Status);
        Assert.Equal("pve1: CPU 95%; load 14.50 on 8 CPUs; memory 94%; root fs 95%", node.SummaryEn);
        Assert.Equal("pve1\u00a0: CPU 95\u00a0%\u00a0; charge 14,50 sur 8 CPU\u00a0; mémoire 94\u00a0%\u00a0; système de fichiers racine 95\u00a0%", node.Summary);
        Assert.Contains(report.Samples, x => x.Metric == "guest.100.running" && x.Value == 1);
        Assert.Contains(report.Samples, x => x.Metric == "guest.100.cpu" && x.Value == 50);
    }

    [Fact]
    public void Map_ReplicationFailing_NodeWarningAndLagTelemetry()
    {
        var s = Snapshot("pve8/cluster-status-healthy.json", "pve8/resources-healthy.json");
        s.Replication["pve1"] = Fixture.Ok<List<PveReplicationJob>>("pve8/replication.json");

        var report = PveHealthMapper.Map(s, new PveThresholds());

        var node = report.Find("proxmox.node.pve1")!;
        Assert.Equal(HealthStatus.Warning, node.Status);
        Assert.Contains("replication 101-0 to pve3 failing (3x: command 'zfs snapshot' failed: got timeout)", node.SummaryEn, StringComparison.Ordinal);
        Assert.Contains(report.Samples, x => x.Metric == "replication.100-0.lag" && x.Value == 600);
        Assert.Contains(report.Samples, x => x.Metric == "replication.101-0.lag" && x.Value == 10800);
        Assert.Contains(report.Samples, x => x.Metric == "replication.101-0.failCount" && x.Value == 3);
    }

    [Fact]
    public void Map_ClusterStatusFailed_QuorumUnknownWithReasonNodesFromResources()
    {
        var s = new PveSnapshot
        {
            Now = Fixture.Now,
            ClusterStatus = Fetched<List<PveClusterStatusEntry>>.Failed(new Chezlepro.Health.Http.ApiException(Chezlepro.Health.Http.ApiFailureKind.PermissionDenied, "pve1:8006 /cluster/status: permission denied (HTTP 403)")),
            Resources = Fixture.Ok<List<PveResource>>("pve8/resources-healthy.json"),
            Ha = Fixture.Ok<List<PveHaStatusEntry>>("pve8/ha-healthy.json"),
        };

        var report = PveHealthMapper.Map(s, new PveThresholds());

        Assert.Equal(HealthStatus.Unknown, report.Find("proxmox.quorum")!.Status);
        Assert.Contains("permission denied", report.Find("proxmox.quorum")!.SummaryEn, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Ok, report.Find("proxmox.node.pve1")!.Status);
    }

    [Fact]
    public void Map_KnownNodeMissingFromReplies_Unknown()
    {
        var s = new PveSnapshot
        {
            Now = Fixture.Now,
            ClusterStatus = Fixture.Ok<List<PveClusterStatusEntry>>("pve9/cluster-status.json"),
            Resources = Fixture.Ok<List<PveResource>>("pve9/resources.json"),
            Ha = Fixture.Ok<List<PveHaStatusEntry>>("pve8/ha-unused.json"),
            KnownNodes = ["pve1", "pve7"],
        };

        var report = PveHealthMapper.Map(s, new PveThresholds());

        Assert.Equal(HealthStatus.Unknown, report.Find("proxmox.node.pve7")!.Status);
    }
}
