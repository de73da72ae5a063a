using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Sla;
using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Availability;

public class TimelineExplanationTests
{
    private static readonly MonthPeriod April = MonthPeriod.Parse("2026-04");
    private static readonly DateTimeOffset Later = T("2026-12-15T00:00:00Z");

    private static ServiceMonthTimeline Explain(MonthPeriod month, IEnumerable<CheckStateInterval> history, ContractDefinition? contract = null,
        IEnumerable<MaintenanceWindow>? windows = null, DateTimeOffset? now = null, ServiceDefinition? service = null)
    {
        var s = service ?? Service();
        var catalog = CatalogOf(contract ?? Contract(), s);
        return TimelineExplanation.Explain(catalog, s, new CheckHistoryIndex(history), windows ?? [], month, now ?? Later);
    }

    private static void AssertCoversExactly(ServiceMonthTimeline t, MonthPeriod month)
    {
        Assert.Equal(month.Start(LocalTime.Toronto), t.Segments[0].From);
        Assert.Equal(month.End(LocalTime.Toronto), t.Segments[^1].To);
        for (var i = 1; i < t.Segments.Count; i++) Assert.Equal(t.Segments[i - 1].To, t.Segments[i].From);
        var length = (decimal)month.Length(LocalTime.Toronto).TotalSeconds;
        Assert.Equal(length, t.Segments.Sum(s => s.Seconds));
        Assert.Equal(length, t.Totals.TotalSeconds);
    }

    [Theory]
    [InlineData("2026-03", 743)]
    [InlineData("2026-11", 721)]
    [InlineData("2026-04", 720)]
    public void Explain_DstMonth_SecondsAddUpToTheRealLength(string text, int hours)
    {
        var month = MonthPeriod.Parse(text);
        var start = month.Start(LocalTime.Toronto);
        // Boundaries off the whole second: a double sum would drift, the decimal one must not.
        var down = start.AddDays(9).AddMilliseconds(123.4567);
        var history = History(Mail, start.AddDays(-1), Later, (HealthStatus.Critical, down, down.AddMinutes(47).AddMilliseconds(0.1)),
            (HealthStatus.Unknown, down.AddDays(3), down.AddDays(3).AddSeconds(33.3333333)));
        var t = Explain(month, history);
        Assert.Equal(hours * 3600m, t.Totals.TotalSeconds);
        AssertCoversExactly(t, month);
        Assert.Equal([TimelineKind.Up, TimelineKind.Down, TimelineKind.Up, TimelineKind.Unknown, TimelineKind.Up], t.Segments.Select(s => s.Kind));
    }

    [Fact]
    public void Explain_MaintenanceWindow_ExcludedWithItsIdAndReason()
    {
        var window = new MaintenanceWindow("mw-7", Local("2026-04-10 12:00"), Local("2026-04-10 14:00"), ["mail"], "Mise à jour", Local("2026-04-08 09:00"), null);
        var history = History(Mail, Local("2026-03-31 00:00"), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00")));
        var t = Explain(April, history, windows: [window]);
        var excluded = Assert.Single(t.Segments, s => s.Kind == TimelineKind.Excluded);
        Assert.Equal((Local("2026-04-10 12:00"), Local("2026-04-10 14:00")), (excluded.From, excluded.To));
        var cause = Assert.Single(excluded.Causes);
        Assert.Equal((TimelineCauseKind.Maintenance, "mw-7", "Mise à jour"), (cause.Kind, cause.WindowId, cause.WindowReason));
        Assert.Equal(Local("2026-04-10 14:00"), Assert.Single(t.Segments, s => s.Kind == TimelineKind.Down).From);
        AssertCoversExactly(t, April);
    }

    [Fact]
    public void Explain_OverlappingWindows_NamesEachOverItsPart()
    {
        var a = new MaintenanceWindow("mw-a", Local("2026-04-10 12:00"), Local("2026-04-10 14:00"), ["mail"], "A", Local("2026-04-01 09:00"), null);
        var b = new MaintenanceWindow("mw-b", Local("2026-04-10 13:00"), Local("2026-04-10 15:00"), ["mail", "wiki"], "B", Local("2026-04-01 09:00"), null);
        var t = Explain(April, History(Mail, Local("2026-03-31 00:00"), Later), windows: [b, a]);
        var excluded = t.Segments.Where(s => s.Kind == TimelineKind.Excluded).ToList();
        Assert.Equal([["mw-a"], ["mw-a", "mw-b"], ["mw-b"]], excluded.Select(s => s.Causes.Select(c => c.WindowId!).ToArray()));
        Assert.Equal(3 * 3600m, t.Totals.ExcludedSeconds);
    }

    [Fact]
    public void Explain_SilentCheck_UnknownWithNoResultSince()
    {
        // The last result of an ok interval still open arrives at 12:00; 90 s later the check is stale.
        var lastResult = Local("2026-04-10 12:00");
        var history = new[] { new CheckStateInterval(Mail, HealthStatus.Ok, Local("2026-03-31 00:00"), lastResult, null) };
        var t = Explain(April, history);
        var unknown = Assert.Single(t.Segments, s => s.Kind == TimelineKind.Unknown);
        Assert.Equal((lastResult.AddSeconds(90), Local("2026-05-01 00:00")), (unknown.From, unknown.To));
        var cause = Assert.Single(unknown.Causes);
        Assert.Equal((TimelineCauseKind.Stale, Mail, HealthStatus.Ok, lastResult), (cause.Kind, cause.Check, cause.Status, cause.LastResultAt));
        Assert.Equal("ovh/proxy1/probe.mail: no result since 2026-04-10T16:00:00.000Z", cause.Text);
    }

    [Fact]
    public void Explain_CheckWithoutAnyResult_UnknownWithNoData()
    {
        var t = Explain(April, History(Mail, Local("2026-03-31 00:00"), Later), service: Service("mail", "critical", Mail, Wiki));
        var unknown = Assert.Single(t.Segments);
        Assert.Equal(TimelineKind.Unknown, unknown.Kind);
        var cause = Assert.Single(unknown.Causes);
        Assert.Equal((TimelineCauseKind.NoData, Wiki, (DateTimeOffset?)null), (cause.Kind, cause.Check, cause.LastResultAt));
    }

    [Fact]
    public void Explain_CheckReportingUnknown_NamesTheStatus()
    {
        var history = History(Mail, Local("2026-03-31 00:00"), Later, (HealthStatus.Unknown, Local("2026-04-10 13:00"), Local("2026-04-10 14:00")));
        var unknown = Assert.Single(Explain(April, history).Segments, s => s.Kind == TimelineKind.Unknown);
        Assert.Equal((Local("2026-04-10 13:00"), Local("2026-04-10 14:00")), (unknown.From, unknown.To));
        var cause = Assert.Single(unknown.Causes);
        Assert.Equal((TimelineCauseKind.ReportedUnknown, Mail, HealthStatus.Unknown), (cause.Kind, cause.Check, cause.Status));
    }

    [Fact]
    public void Explain_CriticalChecks_DownNamesEachCheckOverItsPart()
    {
        var service = Service("mail", "critical", Mail, Wiki);
        var history = History(Mail, Local("2026-03-31 00:00"), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 15:00")))
            .Concat(History(Wiki, Local("2026-03-31 00:00"), Later, (HealthStatus.Critical, Local("2026-04-10 14:00"), Local("2026-04-10 16:00"))));
        var t = Explain(April, history, service: service);
        var down = t.Segments.Where(s => s.Kind == TimelineKind.Down).ToList();
        Assert.Equal([[Mail], [Mail, Wiki], [Wiki]], down.Select(s => s.Causes.Select(c => c.Check!.Value).ToArray()));
        Assert.All(down.SelectMany(s => s.Causes), c => Assert.Equal((TimelineCauseKind.Critical, HealthStatus.Critical), (c.Kind, c.Status)));
        Assert.Equal("ovh/proxy1/probe.wiki: critical", down[2].Causes[0].Text);
        Assert.Equal(3 * 3600m, t.Totals.DownSeconds);
    }

    [Fact]
    public void Explain_ContractStartingMidMonth_OutsideContractBefore()
    {
        var history = History(Mail, Local("2026-03-31 00:00"), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00")));
        var t = Explain(April, history, Contract(start: "2026-04-15"));
        var first = t.Segments[0];
        Assert.Equal((TimelineKind.OutsideContract, Local("2026-04-01 00:00"), Local("2026-04-15 00:00")), (first.Kind, first.From, first.To));
        Assert.Equal(TimelineCauseKind.NoContract, Assert.Single(first.Causes).Kind);
        Assert.Equal(TimelineKind.Up, Assert.Single(t.Segments.Skip(1)).Kind);
        Assert.Equal(100m, t.Availability);
        AssertCoversExactly(t, April);
    }

    [Fact]
    public void Explain_ContractEnd_IsAnInclusiveLocalDate()
    {
        var contract = Contract();
        contract.End = new DateOnly(2026, 4, 20);
        var t = Explain(April, History(Mail, Local("2026-03-31 00:00"), Later), contract);
        Assert.Equal((TimelineKind.OutsideContract, Local("2026-04-21 00:00")), (t.Segments[^1].Kind, t.Segments[^1].From));
    }

    [Fact]
    public void Explain_NoContractOfTheService_AllOutsideAndNoFigure()
    {
        var t = Explain(April, History(Mail, Local("2026-03-31 00:00"), Later), Contract(services: "wiki"));
        Assert.Equal(TimelineKind.OutsideContract, Assert.Single(t.Segments).Kind);
        Assert.Null(t.Availability);
    }

    [Fact]
    public void Explain_OpenMonth_TimeAfterNowIsFuture()
    {
        var now = Local("2026-04-10 12:00");
        var t = Explain(April, History(Mail, Local("2026-03-31 00:00"), now), now: now);
        Assert.False(t.Complete);
        Assert.Equal([TimelineKind.Up, TimelineKind.Future], t.Segments.Select(s => s.Kind));
        Assert.Equal(now, t.Segments[1].From);
        Assert.Equal(100m, t.Availability);
        AssertCoversExactly(t, April);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Explain_AvailabilityFromTotals_IsTheCalculatorsAndTheSlaReports(bool unknownCountsAsDown)
    {
        var window = new MaintenanceWindow("mw-1", Local("2026-04-20 01:00"), Local("2026-04-20 03:00"), ["mail"], "Noyau", Local("2026-04-18 09:00"), null);
        var history = History(Mail, Local("2026-03-31 00:00"), Later,
            (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00")),
            (HealthStatus.Unknown, Local("2026-04-12 08:00"), Local("2026-04-12 09:30")),
            (HealthStatus.Critical, Local("2026-04-20 02:00"), Local("2026-04-20 04:00")));
        var contract = Contract(start: "2026-04-05", unknownCountsAsDown: unknownCountsAsDown);
        var t = Explain(April, history, contract, [window]);
        Assert.Equal(unknownCountsAsDown, t.UnknownCountsAsDown);

        var expected = AvailabilityCalculator.Compute(Service(), new CheckHistoryIndex(history), [window], Local("2026-04-05 00:00"), Local("2026-05-01 00:00"), Later, unknownCountsAsDown);
        Assert.Equal(expected.Exact, t.ExactAvailability);
        Assert.Equal(expected.Percent, t.Availability);
        Assert.Equal((decimal)expected.Down.TotalSeconds, t.Totals.DownSeconds);
        Assert.Equal((decimal)expected.Excluded.TotalSeconds, t.Totals.ExcludedSeconds);
        var sla = SlaReportBuilder.Build(April, CatalogOf(contract), history, [window], Later).Contracts[0];
        Assert.Equal(sla.ExactAvailability, t.ExactAvailability);
        Assert.Equal(sla.Availability, t.Availability);
    }

    [Fact]
    public void RelativeUrl_ServiceAndMonth_IsTheRoute() =>
        Assert.Equal("/api/v1/availability/mail/timeline?month=2026-04", ServiceMonthTimeline.RelativeUrl("mail", April));
}
