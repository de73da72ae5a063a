using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Pbs;
using Chezlepro.Health.Pbs.Replies;
using Chezlepro.Health.Tests.Support;

namespace Chezlepro.Health.Tests.Pbs;

/// <summary><c>verifySnapshot</c>, <c>verifyState</c>, <c>verifiedAt</c> of <c>pbs.backup.*</c> (the collector journals them).</summary>
public class PbsVerificationMapperTests
{
    private static HealthReport Map(string snapshots)
    {
        var poll = new PbsPoll { Now = Fixture.Now, Usage = Fixture.Ok<List<PbsDatastoreUsage>>("pbs3/datastore-usage.json") };
        poll.Snapshots.Add(("main", "site-a", Fixture.Ok<List<PbsSnapshot>>(snapshots)));
        return PbsHealthMapper.Map(poll, new PbsThresholds());
    }

    [Fact]
    public void Map_NewestUnverified_ReportsNewestVerifiedSnapshotWithTimeFromUpid()
    {
        var vm100 = Map("pbs3/snapshots-site-a.json").Find("pbs.backup.vm-100")!;

        // 11:00 is unverified; 2026-11-20 08:00 was verified by the task the UPID names (start 0x695A1F00).
        Assert.Equal("vm/100/2026-11-20T08:00:00Z", vm100.Details!["verifySnapshot"]!.GetValue<string>());
        Assert.Equal("ok", vm100.Details["verifyState"]!.GetValue<string>());
        Assert.Equal("2026-01-04T08:04:16.000Z", vm100.Details["verifiedAt"]!.GetValue<string>());
    }

    [Fact]
    public void Map_NewestFailedVerification_FailedWarningNoTimeFromShortUpid()
    {
        var vm101 = Map("pbs3/snapshots-site-a.json").Find("pbs.backup.vm-101")!;

        Assert.Equal("vm/101/2026-11-21T11:00:00Z", vm101.Details!["verifySnapshot"]!.GetValue<string>());
        Assert.Equal("failed", vm101.Details["verifyState"]!.GetValue<string>());
        Assert.False(vm101.Details.ContainsKey("verifiedAt"));
    }

    [Fact]
    public void Map_NeverVerified_NoneOnNewestFinishedSnapshot()
    {
        var ct201 = Map("pbs3/snapshots-site-a.json").Find("pbs.backup.ct-201")!;

        Assert.Equal("ct/201/2026-11-18T14:00:00Z", ct201.Details!["verifySnapshot"]!.GetValue<string>());
        Assert.Equal("none", ct201.Details["verifyState"]!.GetValue<string>());
        Assert.False(ct201.Details.ContainsKey("verifiedAt"));
    }

    [Fact]
    public void Map_OnlyARunningSnapshot_NoVerificationDetails()
    {
        var ct202 = Map("pbs3/snapshots-site-a.json").Find("pbs.backup.ct-202")!;

        Assert.False(ct202.Details!.ContainsKey("verifySnapshot"));
        Assert.False(ct202.Details.ContainsKey("verifyState"));
    }

    [Fact]
    public void Map_OddVerificationValues_UnknownStateIgnoredBadUpidGivesNoTime()
    {
        var report = Map("bad/pbs-snapshots-verification.json");
        var vm300 = report.Find("pbs.backup.vm-300")!;
        var vm301 = report.Find("pbs.backup.vm-301")!;
        var vm302 = report.Find("pbs.backup.vm-302")!;

        // "in-progress" is no verification state and null is none: the oldest, verified ok, is the one reported.
        Assert.Equal("vm/300/2026-11-20T08:00:00Z", vm300.Details!["verifySnapshot"]!.GetValue<string>());
        Assert.Equal("ok", vm300.Details["verifyState"]!.GetValue<string>());
        Assert.False(vm300.Details.ContainsKey("verifiedAt"));
        Assert.Equal(HealthStatus.Ok, vm300.Status);
        Assert.Equal("failed", vm301.Details!["verifyState"]!.GetValue<string>());
        Assert.Equal("2026-06-15T00:44:48.000Z", vm301.Details["verifiedAt"]!.GetValue<string>());
        // The newest failed verification and an older good snapshot 10 h old: warning, not critical.
        Assert.Equal(HealthStatus.Warning, vm301.Status);
        Assert.Equal("none", vm302.Details!["verifyState"]!.GetValue<string>());
        Assert.Equal("vm/302/2026-11-21T11:00:00Z", vm302.Details["verifySnapshot"]!.GetValue<string>());
        Assert.Null(report.Find("pbs.backup.vm-303")!.Details!["verifySnapshot"]);
    }

    [Theory]
    [InlineData("UPID:pbs1:00000001:00000002:00000003:695A1F00:verify:main:root@pam:", 0x695A1F00L)]
    [InlineData("UPID:pve1:00000001:00000002:695A1F00:vzdump::root@pam:", null)]
    [InlineData("UPID:pbs1:1:2:3:-5:verify:main:root@pam:", null)]
    [InlineData("UPID:pbs1:1:2:3:FFFFFFFFFFFF:verify:main:root@pam:", null)]
    [InlineData("TASK:pbs1:1:2:3:695A1F00:verify:main:root@pam:", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void UpidStart_Forms_OnlyAPbsUpidGivesATime(string? upid, long? expected) =>
        Assert.Equal(expected, PbsHealthMapper.UpidStart(upid));
}
