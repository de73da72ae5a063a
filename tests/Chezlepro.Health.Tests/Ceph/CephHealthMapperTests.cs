using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Ceph;
using Chezlepro.Health.Tests.Support;

namespace Chezlepro.Health.Tests.Ceph;

public class CephHealthMapperTests
{
    private static CheckResult MapRaw(string fixture) =>
        CephHealthMapper.Map(CephStatusDecoder.Decode(Fixture.Raw(fixture))).Find("ceph")!;

    [Fact]
    public void Map_ReefThroughPveWarn_WarningWithEveryCheck()
    {
        var report = CephHealthMapper.Map(CephStatusDecoder.Decode(Fixture.Data("ceph/reef-pve-warn.json")));

        var ceph = report.Find("ceph")!;
        Assert.Equal(HealthStatus.Warning, ceph.Status);
        Assert.Equal("HEALTH_WARN: 1 osds down; Degraded data redundancy: 5120/61440 objects degraded (8.333%), 40 pgs degraded", ceph.SummaryEn);
        Assert.Equal(5, ceph.Details!["numUpOsds"]!.GetValue<long>());
        Assert.Equal("HEALTH_WARN", ceph.Details["checks"]!["OSD_DOWN"]!["severity"]!.GetValue<string>());
        Assert.Equal(2, ceph.Details["monsInQuorum"]!.GetValue<int>());
        Assert.Contains(report.Samples, s => s.Metric == "ceph.objects.degraded" && s.Value == 5120);
        Assert.Contains(report.Samples, s => s.Metric == "ceph.pgs.activeClean" && s.Value == 89);
    }

    [Fact]
    public void Map_QuincyCliOk_Ok()
    {
        var ceph = MapRaw("ceph/quincy-cli-ok.json");

        Assert.Equal(HealthStatus.Ok, ceph.Status);
        Assert.Equal("HEALTH_OK; OSDs 6/6 up, 6/6 in", ceph.SummaryEn);
        Assert.Equal("HEALTH_OK\u00a0; OSD 6/6 actifs, 6/6 intégrés", ceph.Summary);
        Assert.Equal(0, ceph.Details!["misplacedObjects"]!.GetValue<long>());
    }

    [Fact]
    public void Map_OctopusNestedOsdmap_CountersRead()
    {
        var ceph = MapRaw("ceph/octopus-nested-osdmap.json");

        Assert.Equal(3, ceph.Details!["numOsds"]!.GetValue<long>());
        Assert.Equal(3, ceph.Details["numUpOsds"]!.GetValue<long>());
    }

    [Fact]
    public void Map_ErrWithInactivePgsAndLostMonMajority_CriticalMutedCheckLeftOutOfSummary()
    {
        var ceph = MapRaw("ceph/err-inactive.json");

        Assert.Equal(HealthStatus.Critical, ceph.Status);
        Assert.StartsWith("HEALTH_ERR: 12 PGs inactive (I/O blocked); monitor quorum lost (1/3 in quorum); 1 full osd(s)", ceph.SummaryEn, StringComparison.Ordinal);
        Assert.StartsWith("HEALTH_ERR\u00a0: 12 PG inactifs (E/S bloquées)\u00a0; quorum des moniteurs perdu (1/3 dans le quorum)\u00a0; 1 full osd(s)", ceph.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("slow ops", ceph.SummaryEn, StringComparison.Ordinal);
        Assert.True(ceph.Details!["checks"]!["SLOW_OPS"]!["muted"]!.GetValue<bool>());
        Assert.Equal(2, ceph.Details["unfoundObjects"]!.GetValue<long>());
    }

    [Fact]
    public void Map_LuminousStringSummary_Parsed()
    {
        var ceph = MapRaw("ceph/luminous-string-summary.json");

        Assert.Equal(HealthStatus.Warning, ceph.Status);
        Assert.Equal("HEALTH_WARN: 1/3 mons down, quorum a,b", ceph.SummaryEn);
    }

    [Fact]
    public void Decode_NotAnObject_FormatException() =>
        Assert.Throws<FormatException>(() => CephStatusDecoder.Decode(System.Text.Json.JsonDocument.Parse("[1,2]").RootElement));

    [Fact]
    public void Map_NoHealthMember_Unknown()
    {
        var ceph = CephHealthMapper.Map(CephStatusDecoder.Decode(System.Text.Json.JsonDocument.Parse("{\"osdmap\":{}}").RootElement)).Find("ceph")!;

        Assert.Equal(HealthStatus.Unknown, ceph.Status);
        Assert.Contains("lacks health.status", ceph.SummaryEn, StringComparison.Ordinal);
        Assert.Contains("l’état de Ceph n’a pas de health.status", ceph.Summary, StringComparison.Ordinal);
    }
}
