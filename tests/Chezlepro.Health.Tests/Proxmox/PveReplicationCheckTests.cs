using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Http;
using Chezlepro.Health.Proxmox;
using Chezlepro.Health.Proxmox.Replies;
using Chezlepro.Health.Tests.Support;

namespace Chezlepro.Health.Tests.Proxmox;

public class PveReplicationCheckTests
{
    private static PveSnapshot Snapshot(params (string Node, Fetched<List<PveReplicationJob>> Jobs)[] nodes)
    {
        var s = new PveSnapshot { Now = Fixture.Now };
        foreach (var (node, jobs) in nodes) s.Replication[node] = jobs;
        return s;
    }

    private static PveReplicationJob Job(long? lastSync, long? failCount = 0, string? error = null) =>
        new() { Id = "100-0", Target = "pve2", LastSync = lastSync, FailCount = failCount, Error = error };

    private static long Ago(TimeSpan age) => (Fixture.Now - age).ToUnixTimeSeconds();

    [Fact]
    public void Fixture_EachJobJudgedOnItsLagAndFailures_WorstWins()
    {
        var check = PveHealthMapper.MapReplicationCheck(Snapshot(("pve2", Fixture.Ok<List<PveReplicationJob>>("pve9/replication.json"))), new PveThresholds())!;

        Assert.Equal("proxmox.replication", check.Check);
        Assert.Equal(HealthStatus.Critical, check.Status);
        var jobs = check.Details!["jobs"]!.AsArray().ToDictionary(j => j!["id"]!.GetValue<string>(), j => j!);
        // 202-0 is disabled: not judged, not listed.
        Assert.Equal(["200-0", "201-0", "203-1", "204-0", "205-0"], jobs.Keys);
        Assert.Equal("ok", jobs["200-0"]["status"]!.GetValue<string>());
        Assert.Equal(600, jobs["200-0"]["lagSeconds"]!.GetValue<long>());
        Assert.Equal("warning", jobs["201-0"]["status"]!.GetValue<string>());
        Assert.Equal(1, jobs["201-0"]["failCount"]!.GetValue<long>());
        Assert.Equal("warning", jobs["203-1"]["status"]!.GetValue<string>());
        Assert.Null(jobs["203-1"]["lagSeconds"]);
        // Numbers sent as strings (reference §5.9) still count: 4 h 20 min is past the 4 h default.
        Assert.Equal("critical", jobs["204-0"]["status"]!.GetValue<string>());
        Assert.Equal(15600, jobs["204-0"]["lagSeconds"]!.GetValue<long>());
        Assert.Equal("ok", jobs["205-0"]["status"]!.GetValue<string>());
        Assert.Equal("201-0 to pve3 failing (1x: command 'set -o pipefail && pvesm export local-zfs:subvol-201-disk-0 zfs - -with-snapshots 1' failed: exit code 255), "
            + "last sync 1 h 30 min ago; 203-1 to pve3 never synced; 204-0 to pve1 last sync 4 h 20 min ago", check.SummaryEn);
        // The vendor's error text stays as Proxmox wrote it inside the French sentence.
        Assert.Equal("201-0 vers pve3 en échec (1\u00a0fois\u00a0: command 'set -o pipefail && pvesm export local-zfs:subvol-201-disk-0 zfs - -with-snapshots 1' failed: exit code 255), "
            + "dernière synchro il y a 1\u00a0h 30\u00a0min\u00a0; 203-1 vers pve3 jamais synchronisée\u00a0; 204-0 vers pve1 dernière synchro il y a 4\u00a0h 20\u00a0min", check.Summary);
    }

    [Theory]
    [InlineData(59, 0, HealthStatus.Ok)]
    [InlineData(60, 0, HealthStatus.Warning)]
    [InlineData(239, 0, HealthStatus.Warning)]
    [InlineData(240, 0, HealthStatus.Critical)]
    [InlineData(5, 1, HealthStatus.Warning)]
    [InlineData(5, 2, HealthStatus.Warning)]
    [InlineData(5, 3, HealthStatus.Critical)]
    public void Judge_DefaultThresholds(int minutesAgo, long failures, HealthStatus expected)
    {
        var (status, _, lag) = PveHealthMapper.Judge(Job(Ago(TimeSpan.FromMinutes(minutesAgo)), failures, "boom"), Fixture.Now, new PveThresholds());

        Assert.Equal(expected, status);
        Assert.Equal(minutesAgo * 60, lag);
    }

    [Fact]
    public void Judge_NamedThresholdsApply()
    {
        var t = new PveThresholds
        {
            ReplicationLagWarning = TimeSpan.FromMinutes(10), ReplicationLagCritical = TimeSpan.FromMinutes(20),
            ReplicationFailuresWarning = 2, ReplicationFailuresCritical = 5,
        };

        Assert.Equal(HealthStatus.Ok, PveHealthMapper.Judge(Job(Ago(TimeSpan.FromMinutes(5)), 1), Fixture.Now, t).Status);
        Assert.Equal(HealthStatus.Warning, PveHealthMapper.Judge(Job(Ago(TimeSpan.FromMinutes(10))), Fixture.Now, t).Status);
        Assert.Equal(HealthStatus.Critical, PveHealthMapper.Judge(Job(Ago(TimeSpan.FromMinutes(20))), Fixture.Now, t).Status);
        Assert.Equal(HealthStatus.Warning, PveHealthMapper.Judge(Job(Ago(TimeSpan.FromMinutes(1)), 4), Fixture.Now, t).Status);
        Assert.Equal(HealthStatus.Critical, PveHealthMapper.Judge(Job(Ago(TimeSpan.FromMinutes(1)), 5), Fixture.Now, t).Status);
    }

    [Fact]
    public void NotRead_NoCheck()
    {
        Assert.Null(PveHealthMapper.MapReplicationCheck(Snapshot(), new PveThresholds()));
    }

    [Fact]
    public void NoJobs_Ok()
    {
        var check = PveHealthMapper.MapReplicationCheck(Snapshot(("pve1", Fetched<List<PveReplicationJob>>.Ok([]))), new PveThresholds())!;

        Assert.Equal(HealthStatus.Ok, check.Status);
        Assert.Equal("no replication jobs", check.SummaryEn);
    }

    [Fact]
    public void NodeNotRead_UnknownUnlessAProblemIsSeenElsewhere()
    {
        var denied = Fetched<List<PveReplicationJob>>.Failed(new ApiException(ApiFailureKind.PermissionDenied, "/nodes/pve2/replication: permission denied (HTTP 403)"));

        var unknown = PveHealthMapper.MapReplicationCheck(Snapshot(("pve1", Fetched<List<PveReplicationJob>>.Ok([Job(Ago(TimeSpan.FromMinutes(5)))])), ("pve2", denied)), new PveThresholds())!;
        Assert.Equal(HealthStatus.Unknown, unknown.Status);
        Assert.Equal("replication of pve2 not read: /nodes/pve2/replication: permission denied (HTTP 403)", unknown.SummaryEn);
        Assert.Equal("réplication de pve2 non lue\u00a0: /nodes/pve2/replication: permission denied (HTTP 403)", unknown.Summary);

        var failing = PveHealthMapper.MapReplicationCheck(Snapshot(("pve1", Fetched<List<PveReplicationJob>>.Ok([Job(Ago(TimeSpan.FromMinutes(5)), 3, "zfs send failed")])), ("pve2", denied)), new PveThresholds())!;
        Assert.Equal(HealthStatus.Critical, failing.Status);
        Assert.EndsWith("(not read: pve2)", failing.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_OddValues_SkippedOrClamped()
    {
        var check = PveHealthMapper.MapReplicationCheck(Snapshot(("pve1", Fixture.Ok<List<PveReplicationJob>>("bad/replication-odd-values.json"))), new PveThresholds())!;

        var jobs = check.Details!["jobs"]!.AsArray().ToDictionary(j => j!["id"]!.GetValue<string>(), j => j!);
        // A job without an id cannot be named: skipped. A sync in the future (clock skew) is no lag, a negative count no failure.
        Assert.Equal(["300-0", "301-0", "302-0"], jobs.Keys);
        Assert.Equal(0, jobs["300-0"]["lagSeconds"]!.GetValue<long>());
        Assert.Equal("ok", jobs["300-0"]["status"]!.GetValue<string>());
        Assert.Equal("critical", jobs["301-0"]["status"]!.GetValue<string>());
        Assert.Equal("ok", jobs["302-0"]["status"]!.GetValue<string>());
        Assert.Equal(HealthStatus.Critical, check.Status);
        Assert.Contains("301-0 to ? failing (5x: ", check.SummaryEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad/replication-object.json")]
    [InlineData("bad/replication-failcount-text.json")]
    public void BadInput_WrongShape_InvalidReply(string name)
    {
        var ex = Assert.Throws<ApiException>(() => Fixture.Read<List<PveReplicationJob>>(name));

        Assert.Equal(ApiFailureKind.InvalidReply, ex.Kind);
    }
}
