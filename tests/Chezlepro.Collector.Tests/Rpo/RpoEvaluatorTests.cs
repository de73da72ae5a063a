using System.Text.Json.Nodes;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Rpo;
using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Rpo;

public class RpoEvaluatorTests
{
    private static readonly CheckKey Backup = new("lanaudiere", "pbs1", "pbs.backup.vm-101");
    private static readonly MonthPeriod April = MonthPeriod.Parse("2026-04");

    private static CatalogOptions CatalogFor(string category, TimeSpan? rpo = null) => new()
    {
        Services = [Service("mail", category)],
        Guests = [new GuestDefinition { Id = "vm-101", Service = "mail", Rpo = rpo }],
    };

    private static BackupObservation Seen(DateTimeOffset observed, DateTimeOffset? last, HealthStatus status = HealthStatus.Ok) => new(Backup, observed, status, last);

    [Theory]
    [InlineData(ServiceCategory.Critical, 1)]
    [InlineData(ServiceCategory.Important, 4)]
    [InlineData(ServiceCategory.NonCritical, 8)]
    public void TargetFor_Category_IsTheAnnexValue(ServiceCategory category, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), RpoEvaluator.TargetFor(category));

    [Fact]
    public void Evaluate_GuestRpoTighterThanItsCategory_BackupWithinTheCategoryTargetIsBreached()
    {
        var now = Local("2026-04-10 12:00");
        var g = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("critical", TimeSpan.FromMinutes(30)), [Seen(now.AddMinutes(-5), now.AddMinutes(-45))], April, now));
        Assert.Equal(TimeSpan.FromMinutes(30), g.Target);
        Assert.Equal(RpoStatus.Breached, g.Status);
    }

    [Fact]
    public void Evaluate_GuestRpoLooserThanItsCategory_TwoHourOldBackupMeetsThreeHours()
    {
        var now = Local("2026-04-10 12:00");
        var g = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("critical", TimeSpan.FromHours(3)), [Seen(now.AddMinutes(-5), now.AddHours(-2))], April, now));
        Assert.Equal(TimeSpan.FromHours(3), g.Target);
        Assert.Equal(10_800d, g.TargetSeconds);
        Assert.Equal(RpoStatus.Met, g.Status);
    }

    [Fact]
    public void Evaluate_NoGuestRpo_KeepsTheCategoryTarget()
    {
        var now = Local("2026-04-10 12:00");
        var g = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("critical"), [Seen(now.AddMinutes(-5), now.AddMinutes(-45))], April, now));
        Assert.Equal(TimeSpan.FromHours(1), g.Target);
        Assert.Equal(RpoStatus.Met, g.Status);
    }

    [Fact]
    public void Evaluate_GuestRpo_SetsTheMonthsBreaches()
    {
        // One backup at 10:00 and nothing after: a 30-min target is missed from 10:30, the category's 1 h from 11:00.
        var now = Local("2026-04-10 12:00");
        var obs = new[] { Seen(Local("2026-03-31 23:10"), Local("2026-03-31 23:00")), Seen(Local("2026-04-10 10:05"), Local("2026-04-10 10:00")) };
        var own = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("critical", TimeSpan.FromMinutes(30)), obs, April, now));
        var category = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("critical"), obs, April, now));
        Assert.Equal((Local("2026-04-10 10:30"), now), (own.Breaches[^1].From, own.Breaches[^1].To));
        Assert.Equal((Local("2026-04-10 11:00"), now), (category.Breaches[^1].From, category.Breaches[^1].To));
    }

    [Fact]
    public void Evaluate_RecentBackup_Met()
    {
        var now = Local("2026-04-10 12:00");
        var g = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("critical"), [Seen(now.AddMinutes(-5), now.AddMinutes(-40))], April, now));
        Assert.Equal(RpoStatus.Met, g.Status);
        Assert.Equal(TimeSpan.FromMinutes(40), g.Age);
        Assert.Equal(TimeSpan.FromHours(1), g.Target);
    }

    [Fact]
    public void Evaluate_BackupExactlyAsOldAsTarget_Breached()
    {
        var now = Local("2026-04-10 12:00");
        var g = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("critical"), [Seen(now, now.AddHours(-1))], April, now));
        Assert.Equal(RpoStatus.Breached, g.Status);
    }

    [Fact]
    public void Evaluate_NoObservation_NoDataAndWholeMonthBreached()
    {
        var now = Local("2026-04-10 12:00");
        var g = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("important"), [], April, now));
        Assert.Equal(RpoStatus.NoData, g.Status);
        var b = Assert.Single(g.Breaches);
        Assert.True(b.NoEvidence);
        Assert.Equal((April.Start(LocalTime.Toronto), now), (b.From, b.To));
    }

    [Fact]
    public void Evaluate_HourlyBackupsWithAMissedNight_BreachIsTheGapBeyondTarget()
    {
        // Hourly backups from 31 March; none between 02:00 and 06:00 on 10 April; important = 4 h.
        var now = Local("2026-04-11 00:00");
        var obs = new List<BackupObservation>();
        for (var t = Local("2026-03-31 20:00"); t < now; t = t.AddHours(1))
        {
            if (t > Local("2026-04-10 02:00") && t < Local("2026-04-10 08:00")) continue;
            obs.Add(Seen(t.AddMinutes(10), t, HealthStatus.Ok));
        }

        var g = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("important"), obs, April, now));
        var b = Assert.Single(g.Breaches);
        Assert.Equal((Local("2026-04-10 06:00"), Local("2026-04-10 08:00")), (b.From, b.To));
        Assert.False(b.NoEvidence);
        Assert.Equal(RpoStatus.Met, g.Status);
    }

    [Fact]
    public void Evaluate_CriticalStatusWithLastGoodBackup_StillUsesTheBackupTime()
    {
        var now = Local("2026-04-10 12:00");
        var g = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("non-critical"), [Seen(now, now.AddHours(-2), HealthStatus.Critical)], April, now));
        Assert.Equal(RpoStatus.Met, g.Status);
    }

    [Fact]
    public void Evaluate_BackupTimeInTheFutureOfItsObservation_IsIgnored()
    {
        var now = Local("2026-04-10 12:00");
        var g = Assert.Single(RpoEvaluator.Evaluate(CatalogFor("critical"), [Seen(now.AddHours(-3), now.AddMinutes(-1))], April, now));
        Assert.Equal(RpoStatus.NoData, g.Status);
    }

    [Fact]
    public void Evaluate_ObservationOfAnotherGuest_DoesNotCount()
    {
        var now = Local("2026-04-10 12:00");
        var other = new BackupObservation(Backup with { Check = "pbs.backup.vm-102" }, now, HealthStatus.Ok, now.AddMinutes(-5));
        Assert.Equal(RpoStatus.NoData, Assert.Single(RpoEvaluator.Evaluate(CatalogFor("critical"), [other], April, now)).Status);
    }

    [Theory]
    [InlineData("{\"lastBackupAt\":\"2026-04-10T10:00:00.000Z\"}", true)]
    [InlineData("{\"lastBackupAt\":\"2026-04-10T06:00:00-04:00\"}", true)]
    [InlineData("{\"lastBackupAt\":\"hier\"}", false)]
    [InlineData("{\"lastBackupAt\":12345}", false)]
    [InlineData("{\"lastBackupAt\":null}", false)]
    [InlineData("{\"lastBackupAt\":{\"at\":1}}", false)]
    [InlineData("{}", false)]
    public void ReadLastBackupAt_Details_ParsesOnlyRfc3339(string json, bool ok)
    {
        var value = BackupObservation.ReadLastBackupAt(JsonNode.Parse(json)!.AsObject());
        Assert.Equal(ok, value.HasValue);
        if (ok) Assert.Equal(T("2026-04-10T10:00:00Z"), value);
    }

    [Fact]
    public void ReadLastBackupAt_OversizedText_IsRejected() =>
        Assert.Null(BackupObservation.ReadLastBackupAt(new JsonObject { ["lastBackupAt"] = new string('9', 10_000) }));

    [Fact]
    public void FromResult_HealthResult_TakesIdentityTimeAndStatus()
    {
        var r = new HealthResult
        {
            Site = "lanaudiere", Node = "pbs1", Check = "pbs.backup.vm-101", Status = HealthStatus.Warning, Ts = T("2026-04-10T12:00:00Z"),
            Details = new JsonObject { ["lastBackupAt"] = "2026-04-10T11:00:00Z" },
        };
        var o = BackupObservation.FromResult(r);
        Assert.Equal(Backup, o.Check);
        Assert.Equal(T("2026-04-10T11:00:00Z"), o.LastBackupAt);
        Assert.Equal(HealthStatus.Warning, o.Status);
    }
}
