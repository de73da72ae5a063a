using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Pbs;
using Chezlepro.Health.Pbs.Replies;
using Chezlepro.Health.Tests.Support;

namespace Chezlepro.Health.Tests.Pbs;

public class PbsHealthMapperTests
{
    private static PbsPoll Pbs3Poll(bool withTasks = false)
    {
        var poll = new PbsPoll
        {
            Now = Fixture.Now,
            Usage = Fixture.Ok<List<PbsDatastoreUsage>>("pbs3/datastore-usage.json"),
            GcJobs = Fixture.Ok<List<PbsGcStatus>>("pbs3/gc.json"),
            FailedTasks = withTasks ? Fixture.Ok<List<PbsTask>>("pbs3/tasks.json") : Fetched<List<PbsTask>>.Ok([]),
        };
        poll.Snapshots.Add(("main", "", Fixture.Ok<List<PbsSnapshot>>("pbs3/snapshots-root.json")));
        poll.Snapshots.Add(("main", "site-a", Fixture.Ok<List<PbsSnapshot>>("pbs3/snapshots-site-a.json")));
        poll.Snapshots.Add(("main", "site-a/old", Fixture.Ok<List<PbsSnapshot>>("pbs3/snapshots-site-a-old.json")));
        return poll;
    }

    [Fact]
    public void Map_Pbs3_OneCheckPerGroupInEveryNamespace()
    {
        var report = PbsHealthMapper.Map(Pbs3Poll(), new PbsThresholds());

        Assert.Equal(["pbs.datastore.main", "pbs.backup.ct-201", "pbs.backup.ct-202", "pbs.backup.host-fw01", "pbs.backup.vm-100", "pbs.backup.vm-101"],
            report.Checks.Select(c => c.Check));
    }

    [Fact]
    public void Map_DatastoreHealthy_OkWithUsage()
    {
        var store = PbsHealthMapper.Map(Pbs3Poll(), new PbsThresholds()).Find("pbs.datastore.main")!;

        Assert.Equal(HealthStatus.Ok, store.Status);
        Assert.Equal("main: 56.9% used", store.SummaryEn);
        Assert.Equal("main\u00a0: 56,9\u00a0% utilisé", store.Summary);
        Assert.Equal("2027-12-28T13:20:00.000Z", store.Details!["estimatedFullAt"]!.GetValue<string>());
        Assert.Equal("OK", store.Details["gcLastState"]!.GetValue<string>());
    }

    [Fact]
    public void Map_RunningBackup_NotCountedLastFinishedUsed()
    {
        var vm100 = PbsHealthMapper.Map(Pbs3Poll(), new PbsThresholds()).Find("pbs.backup.vm-100")!;

        Assert.Equal(HealthStatus.Ok, vm100.Status);
        Assert.Equal("2026-11-21T11:00:00.000Z", vm100.Details!["lastBackupAt"]!.GetValue<string>());
        Assert.True(vm100.Details["running"]!.GetValue<bool>());
        Assert.Equal("vm-100: last good backup 3 h ago; a backup is running (not counted)", vm100.SummaryEn);
        Assert.Equal("vm-100\u00a0: dernière sauvegarde valide il y a 3\u00a0h\u00a0; une sauvegarde est en cours (non comptée)", vm100.Summary);
        Assert.Equal("none", vm100.Details["verification"]!.GetValue<string>());
        Assert.Equal("site-a", vm100.Details["namespace"]!.GetValue<string>());
    }

    [Fact]
    public void Map_VerificationFailed_FallsBackToOlderGoodSnapshotAndWarns()
    {
        var vm101 = PbsHealthMapper.Map(Pbs3Poll(), new PbsThresholds()).Find("pbs.backup.vm-101")!;

        // The failed snapshot (11:00) does not count; the good one is 60 h old: critical by age.
        Assert.Equal(HealthStatus.Critical, vm101.Status);
        Assert.Equal("2026-11-19T02:00:00.000Z", vm101.Details!["lastBackupAt"]!.GetValue<string>());
        Assert.Equal("failed", vm101.Details["verification"]!.GetValue<string>());
        Assert.Contains("FAILED verification", vm101.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_VerificationFailedButOlderGoodIsFresh_Warning()
    {
        var report = PbsHealthMapper.Map(Pbs3Poll(), new PbsThresholds { BackupWarningAge = TimeSpan.FromDays(5), BackupCriticalAge = TimeSpan.FromDays(6) });

        Assert.Equal(HealthStatus.Warning, report.Find("pbs.backup.vm-101")!.Status);
    }

    [Fact]
    public void Map_StaleBackup_Critical()
    {
        var ct201 = PbsHealthMapper.Map(Pbs3Poll(), new PbsThresholds()).Find("pbs.backup.ct-201")!;

        Assert.Equal(HealthStatus.Critical, ct201.Status);
        Assert.Equal("ct-201: last good backup 3 days ago", ct201.SummaryEn);
        Assert.Equal("ct-201\u00a0: dernière sauvegarde valide il y a 3\u00a0jours", ct201.Summary);
        Assert.Equal(259200, ct201.Details!["ageSeconds"]!.GetValue<long>());
    }

    [Fact]
    public void Map_OnlyARunningBackup_CriticalNoGoodBackup()
    {
        var ct202 = PbsHealthMapper.Map(Pbs3Poll(), new PbsThresholds()).Find("pbs.backup.ct-202")!;

        Assert.Equal(HealthStatus.Critical, ct202.Status);
        Assert.Equal("ct-202: no good backup; a backup is running (not counted)", ct202.SummaryEn);
        Assert.Equal("ct-202\u00a0: aucune sauvegarde valide\u00a0; une sauvegarde est en cours (non comptée)", ct202.Summary);
        Assert.Null(ct202.Details!["lastBackupAt"]);
    }

    [Fact]
    public void Map_BackupAgeBetweenThresholds_Warning()
    {
        var report = PbsHealthMapper.Map(Pbs3Poll(), new PbsThresholds { BackupWarningAge = TimeSpan.FromHours(2) });

        Assert.Equal(HealthStatus.Warning, report.Find("pbs.backup.host-fw01")!.Status);
    }

    [Fact]
    public void Map_FailedTasksSinceLastPoll_AttachedToGroupAndStore()
    {
        var report = PbsHealthMapper.Map(Pbs3Poll(withTasks: true), new PbsThresholds { BackupCriticalAge = TimeSpan.FromDays(5), BackupWarningAge = TimeSpan.FromDays(4) });

        var vm101 = report.Find("pbs.backup.vm-101")!;
        Assert.Contains("backup task failed: backup ended with an error: connection reset", vm101.SummaryEn, StringComparison.Ordinal);
        var store = report.Find("pbs.datastore.main")!;
        Assert.Equal(HealthStatus.Warning, store.Status);
        Assert.Equal("main: 1 failed task(s): prunejob", store.SummaryEn);
        Assert.Contains(report.Samples, s => s.Metric == "pbs.tasks.failed" && s.Value == 2);
    }

    [Fact]
    public void Map_Pbs4Stores_NearlyFullNotMountedErrorNoAudit()
    {
        var poll = new PbsPoll
        {
            Now = Fixture.Now,
            Usage = Fixture.Ok<List<PbsDatastoreUsage>>("pbs4/datastore-usage.json"),
            GcJobs = Fixture.Ok<List<PbsGcStatus>>("pbs4/gc.json"),
            FailedTasks = Fetched<List<PbsTask>>.Ok([]),
        };

        var report = PbsHealthMapper.Map(poll, new PbsThresholds());

        var main = report.Find("pbs.datastore.main")!;
        Assert.Equal(HealthStatus.Warning, main.Status);
        Assert.Equal("main: 93.5% full; estimated full in 5 days (2026-11-26); last garbage collection failed: unable to start garbage collection job on datastore main - ENOSPC", main.SummaryEn);
        Assert.Equal("main\u00a0: rempli à 93,5\u00a0%\u00a0; plein estimé dans 5 jours (2026-11-26)\u00a0; le dernier ramasse-miettes a échoué\u00a0: unable to start garbage collection job on datastore main - ENOSPC", main.Summary);
        Assert.Equal(HealthStatus.Ok, report.Find("pbs.datastore.offsite-s3")!.Status);
        Assert.Equal("s3", report.Find("pbs.datastore.offsite-s3")!.Details!["backendType"]!.GetValue<string>());
        Assert.Equal(HealthStatus.Critical, report.Find("pbs.datastore.usb")!.Status);
        Assert.Equal(HealthStatus.Critical, report.Find("pbs.datastore.broken")!.Status);
        Assert.Equal(HealthStatus.Unknown, report.Find("pbs.datastore.noaudit")!.Status);
    }

    [Fact]
    public void Map_ConfiguredStoreNotListed_Unknown()
    {
        var poll = new PbsPoll { Now = Fixture.Now, Usage = Fixture.Ok<List<PbsDatastoreUsage>>("pbs3/datastore-usage.json"), ExpectedStores = ["main", "archive"] };

        var report = PbsHealthMapper.Map(poll, new PbsThresholds());

        Assert.Equal(HealthStatus.Ok, report.Find("pbs.datastore.main")!.Status);
        Assert.Equal(HealthStatus.Unknown, report.Find("pbs.datastore.archive")!.Status);
        Assert.StartsWith("archive: not listed by /status/datastore-usage", report.Find("pbs.datastore.archive")!.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_DatastoreAboveCriticalFraction_Critical()
    {
        var poll = new PbsPoll { Now = Fixture.Now, Usage = Fixture.Ok<List<PbsDatastoreUsage>>("pbs4/datastore-usage.json") };

        var report = PbsHealthMapper.Map(poll, new PbsThresholds { DatastoreCritical = 0.93 });

        Assert.Equal(HealthStatus.Critical, report.Find("pbs.datastore.main")!.Status);
    }

    [Fact]
    public void Map_KnownGroupWhoseNamespaceFailed_UnknownWithReason()
    {
        var poll = new PbsPoll
        {
            Now = Fixture.Now,
            Usage = Fixture.Ok<List<PbsDatastoreUsage>>("pbs3/datastore-usage.json"),
            KnownBackups = new Dictionary<string, string> { ["pbs.backup.vm-100"] = "main" },
        };
        poll.Snapshots.Add(("main", "site-a", Fetched<List<PbsSnapshot>>.Failed(new Chezlepro.Health.Http.ApiException(Chezlepro.Health.Http.ApiFailureKind.Timeout, "pbs:8007 /admin/datastore/main/snapshots: timeout"))));

        var vm100 = PbsHealthMapper.Map(poll, new PbsThresholds()).Find("pbs.backup.vm-100")!;

        Assert.Equal(HealthStatus.Unknown, vm100.Status);
        Assert.Contains("timeout", vm100.SummaryEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OK", false)]
    [InlineData("WARNINGS: 3", false)]
    [InlineData("unknown", false)]
    [InlineData("job failed: ENOSPC", true)]
    public void IsFailure_TaskStatusForms_OnlyErrorsFail(string status, bool failed)
    {
        var task = new PbsTask { Status = status, EndTime = 1 };

        Assert.Equal(failed, task.IsFailure);
    }

    [Fact]
    public void DecodedWorkerId_HexEscapes_Decoded() =>
        Assert.Equal("main:v-1", new PbsTask { WorkerId = "main\\x3av\\x2d1" }.DecodedWorkerId);
}
