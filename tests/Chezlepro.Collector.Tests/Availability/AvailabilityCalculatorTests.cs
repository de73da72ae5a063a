using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Availability;

public class AvailabilityCalculatorTests
{
    private static readonly DateTimeOffset AprilStart = Local("2026-04-01 00:00");
    private static readonly DateTimeOffset MayStart = Local("2026-05-01 00:00");
    private static readonly DateTimeOffset Later = T("2026-06-01T00:00:00Z");

    private static ServiceAvailability April(IEnumerable<CheckStateInterval> history, IEnumerable<MaintenanceWindow>? windows = null, bool unknownDown = true, DateTimeOffset? now = null) =>
        AvailabilityCalculator.Compute(Service(), new CheckHistoryIndex(history), windows ?? [], AprilStart, MayStart, now ?? Later, unknownDown);

    [Fact]
    public void Compute_FourHourOutage_WeighsSecondsAndListsTheInterval()
    {
        var a = April(History(Mail, AprilStart.AddDays(-1), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00"))));
        Assert.Equal(TimeSpan.FromHours(4), a.Down);
        Assert.Equal(TimeSpan.FromHours(716), a.Up);
        Assert.Equal(TimeSpan.Zero, a.Unknown);
        Assert.Equal(716m * 100m / 720m, a.Exact);
        Assert.Equal(99.444m, a.Percent);
        var only = Assert.Single(a.Intervals);
        Assert.Equal((Local("2026-04-10 13:00"), Local("2026-04-10 17:00"), ServiceState.Down), (only.From, only.To, only.State));
        Assert.Equal([Mail], only.Causes);
    }

    [Fact]
    public void Compute_WarningStatus_CountsAsUp()
    {
        var a = April(History(Mail, AprilStart.AddDays(-1), Later, (HealthStatus.Warning, Local("2026-04-10 13:00"), Local("2026-04-10 17:00"))));
        Assert.Equal(100m, a.Exact);
    }

    [Fact]
    public void Compute_MaintenanceOverPartOfOutage_ExcludesItFromBothSides()
    {
        var window = new MaintenanceWindow("w1", Local("2026-04-10 12:00"), Local("2026-04-10 14:00"), ["mail"], "Mise à jour", Local("2026-04-08 09:00"), null);
        var a = April(History(Mail, AprilStart.AddDays(-1), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00"))), [window]);
        Assert.Equal(TimeSpan.FromHours(3), a.Down);
        Assert.Equal(TimeSpan.FromHours(2), a.Excluded);
        Assert.Equal(TimeSpan.FromHours(715), a.Up);
        Assert.Equal(715m * 100m / 718m, a.Exact);
        Assert.Equal(Local("2026-04-10 14:00"), Assert.Single(a.Intervals).From);
    }

    [Fact]
    public void Compute_WindowCreatedAfterItsStart_ExcludesOnlyFromCreation()
    {
        var window = new MaintenanceWindow("w1", Local("2026-04-10 12:00"), Local("2026-04-10 18:00"), ["mail"], "Après coup", Local("2026-04-10 16:00"), null);
        var a = April(History(Mail, AprilStart.AddDays(-1), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00"))), [window]);
        Assert.Equal(TimeSpan.FromHours(3), a.Down);
        Assert.Equal(TimeSpan.FromHours(2), a.Excluded);
    }

    [Fact]
    public void Compute_WindowEndedEarly_ExcludesOnlyUntilTheEarlyEnd()
    {
        var window = new MaintenanceWindow("w1", Local("2026-04-10 12:00"), Local("2026-04-10 18:00"), ["mail"], "Courte", Local("2026-04-01 09:00"), Local("2026-04-10 13:00"));
        var a = April(History(Mail, AprilStart.AddDays(-1), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00"))), [window]);
        Assert.Equal(TimeSpan.FromHours(4), a.Down);
        Assert.Equal(TimeSpan.FromHours(1), a.Excluded);
    }

    [Fact]
    public void Compute_WindowForAnotherService_ChangesNothing()
    {
        var window = new MaintenanceWindow("w1", Local("2026-04-10 12:00"), Local("2026-04-10 18:00"), ["wiki"], "Autre", Local("2026-04-01 09:00"), null);
        var a = April(History(Mail, AprilStart.AddDays(-1), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00"))), [window]);
        Assert.Equal(TimeSpan.Zero, a.Excluded);
    }

    [Fact]
    public void Compute_GapWithoutData_IsUnknownCountedOnlyUnderTheDownPolicy()
    {
        var history = History(Mail, AprilStart.AddDays(-1), Local("2026-04-20 10:00"));
        history.AddRange(History(Mail, Local("2026-04-20 12:00"), Later));
        var down = April(history, unknownDown: true);
        var up = April(history, unknownDown: false);
        Assert.Equal(TimeSpan.FromHours(2), down.Unknown);
        Assert.Equal(TimeSpan.FromHours(2), up.Unknown);
        Assert.Equal(718m * 100m / 720m, down.Exact);
        Assert.Equal(100m, up.Exact);
        Assert.Equal(ServiceState.Unknown, Assert.Single(down.Intervals).State);
    }

    [Fact]
    public void Compute_SilentCheck_BecomesUnknownAfterTheStalenessLimit()
    {
        // One open interval, last confirmed at 10:00: fresh until 10:01:30, then unknown.
        var history = new[] { new CheckStateInterval(Mail, HealthStatus.Ok, AprilStart.AddDays(-1), Local("2026-04-30 10:00"), null) };
        var a = April(history);
        Assert.Equal(Local("2026-04-30 10:01") + TimeSpan.FromSeconds(30), Assert.Single(a.Intervals).From);
        Assert.Equal(MayStart, a.Intervals[0].To);
    }

    [Fact]
    public void Compute_ServiceStalenessLimit_OverridesTheDefault()
    {
        var service = Service();
        service.StalenessLimit = TimeSpan.FromMinutes(15);
        var history = new[] { new CheckStateInterval(Mail, HealthStatus.Ok, AprilStart.AddDays(-1), Local("2026-04-30 10:00"), null) };
        var a = AvailabilityCalculator.Compute(service, new CheckHistoryIndex(history), [], AprilStart, MayStart, Later);
        Assert.Equal(Local("2026-04-30 10:15"), Assert.Single(a.Intervals).From);
    }

    [Fact]
    public void Compute_NoDataAtAll_IsAllUnknown()
    {
        var a = April([]);
        Assert.Equal(TimeSpan.FromHours(720), a.Unknown);
        Assert.Equal(0m, a.Exact);
        Assert.Null(April([], unknownDown: false).Exact);
    }

    [Fact]
    public void Compute_StateBeforeThePeriod_CarriesIn()
    {
        var history = new List<CheckStateInterval>
        {
            Held(Mail, HealthStatus.Critical, Local("2026-03-20 08:00"), Local("2026-04-01 03:00")),
            Held(Mail, HealthStatus.Ok, Local("2026-04-01 03:00"), Later),
        };
        var a = April(history);
        Assert.Equal(TimeSpan.FromHours(3), a.Down);
        Assert.Equal(AprilStart, a.Intervals[0].From);
    }

    [Fact]
    public void Compute_OutageCrossingTheMonthInToronto_SplitsAtLocalMidnight()
    {
        // 22:00 → 02:00 local; in UTC the whole outage is on 1 May, a UTC month would give April nothing.
        var history = History(Mail, AprilStart.AddDays(-1), Later, (HealthStatus.Critical, Local("2026-04-30 22:00"), Local("2026-05-01 02:00")));
        var index = new CheckHistoryIndex(history);
        var april = AvailabilityCalculator.Compute(Service(), index, [], AprilStart, MayStart, Later);
        var may = AvailabilityCalculator.Compute(Service(), index, [], MayStart, Local("2026-06-01 00:00"), Later);
        Assert.Equal(TimeSpan.FromHours(2), april.Down);
        Assert.Equal(TimeSpan.FromHours(2), may.Down);
        Assert.True(Local("2026-04-30 22:00").UtcDateTime.Month == 5);
    }

    [Fact]
    public void Compute_OutageOverSpringForward_CountsRealSecondsNotWallClock()
    {
        var march = Local("2026-03-01 00:00");
        var history = History(Mail, march.AddDays(-1), Later, (HealthStatus.Critical, Local("2026-03-08 01:00"), Local("2026-03-08 04:00")));
        var a = AvailabilityCalculator.Compute(Service(), new CheckHistoryIndex(history), [], march, AprilStart, Later);
        Assert.Equal(TimeSpan.FromHours(2), a.Down);
        Assert.Equal(TimeSpan.FromHours(743), a.Up + a.Down);
    }

    [Fact]
    public void Compute_FallBackMonth_HasAnExtraHourInTheDenominator()
    {
        var nov = Local("2026-11-01 00:00");
        var dec = Local("2026-12-01 00:00");
        var history = History(Mail, nov.AddDays(-1), dec.AddDays(1), (HealthStatus.Critical, Local("2026-11-01 00:30"), Local("2026-11-01 02:30")));
        var a = AvailabilityCalculator.Compute(Service(), new CheckHistoryIndex(history), [], nov, dec, dec.AddDays(2));
        Assert.Equal(TimeSpan.FromHours(721), a.Up + a.Down);
        Assert.Equal(TimeSpan.FromHours(3), a.Down); // 00:30 → 02:30 local spans 01:00–02:00 twice
    }

    [Fact]
    public void Compute_MidMonthNow_MeasuresOnlyElapsedTime()
    {
        var now = Local("2026-04-11 00:00");
        var a = April(History(Mail, AprilStart.AddDays(-1), now, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00"))), now: now);
        Assert.Equal(TimeSpan.FromHours(240), a.Up + a.Down + a.Unknown);
        Assert.Equal(now, a.To);
    }

    [Fact]
    public void Compute_LateData_RecomputesTheGap()
    {
        var before = History(Mail, AprilStart.AddDays(-1), Local("2026-04-10 12:00"));
        before.AddRange(History(Mail, Local("2026-04-12 12:00"), Later));
        Assert.Equal(TimeSpan.FromHours(48), April(before).Unknown);

        // Two days later the agent's outbox replays what it saw: an outage of 3 h inside the gap.
        var replayed = History(Mail, Local("2026-04-10 12:00"), Local("2026-04-12 12:00"), (HealthStatus.Critical, Local("2026-04-11 01:00"), Local("2026-04-11 04:00")));
        var after = April(before.Concat(replayed));
        Assert.Equal(TimeSpan.Zero, after.Unknown);
        Assert.Equal(TimeSpan.FromHours(3), after.Down);
    }

    [Fact]
    public void Compute_TwoChecks_CriticalBeatsUnknownAndCausesNameTheCriticalOne()
    {
        var service = Service("mail", "critical", Mail, Wiki);
        var history = History(Mail, AprilStart.AddDays(-1), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 14:00")));
        history.AddRange(History(Wiki, AprilStart.AddDays(-1), Later, (HealthStatus.Unknown, Local("2026-04-10 12:00"), Local("2026-04-10 15:00"))));
        var a = AvailabilityCalculator.Compute(service, new CheckHistoryIndex(history), [], AprilStart, MayStart, Later);
        Assert.Equal(TimeSpan.FromHours(1), a.Down);
        Assert.Equal(TimeSpan.FromHours(2), a.Unknown);
        var down = Assert.Single(a.Intervals, i => i.State == ServiceState.Down);
        Assert.Equal([Mail], down.Causes);
        Assert.All(a.Intervals.Where(i => i.State == ServiceState.Unknown), i => Assert.Equal([Wiki], i.Causes));
    }

    [Fact]
    public void Compute_OverlappingRows_NeverCountTimeTwice()
    {
        var history = History(Mail, AprilStart.AddDays(-1), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00")));
        history.Add(Held(Mail, HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00"))); // duplicate fold
        var a = April(history);
        Assert.Equal(TimeSpan.FromHours(720), a.Up + a.Down + a.Unknown + a.Excluded);
        Assert.Equal(TimeSpan.FromHours(4), a.Down);
    }

    [Fact]
    public void Compute_PeriodEntirelyInTheFuture_MeasuresNothing()
    {
        var a = April(History(Mail, AprilStart.AddDays(-1), Later), now: AprilStart.AddDays(-2));
        Assert.Equal(TimeSpan.Zero, a.Up + a.Down + a.Unknown + a.Excluded);
        Assert.Null(a.Exact);
    }
}
