using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Contracts.Messages;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Availability;

public class TimelineExplanationPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(150);

    /// <summary>One step of a check's history: status, minutes held, minutes without a row after, whether it went silent halfway.</summary>
    public sealed record Step(HealthStatus Status, int Minutes, int GapMinutes, bool GoesStale);

    public sealed record Case(string Month, List<Step> Mail, List<Step> Wiki, int WindowStart, int WindowLength, int ContractStartDay,
        int? ContractEndDay, bool UnknownDown, int NowMinutes);

    private static Arbitrary<Case> Cases()
    {
        var step =
            from s in Gen.Elements(HealthStatus.Ok, HealthStatus.Warning, HealthStatus.Critical, HealthStatus.Unknown)
            from m in Gen.Choose(1, 4000)
            from g in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 300)))
            from stale in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new Step(s, m, g, stale);
        var steps = Gen.ListOf(step).Select(l => l.ToList());
        var gen =
            from month in Gen.Elements("2026-03", "2026-04", "2026-11")
            from mail in steps
            from wiki in steps
            from ws in Gen.Choose(-600, 31 * 24 * 60)
            from wl in Gen.Choose(0, 3 * 24 * 60)
            from cs in Gen.Choose(-5, 20)
            from ce in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(10, 40).Select(d => (int?)d)))
            from u in Gen.Elements(true, false)
            from now in Gen.Frequency((2, Gen.Constant(int.MaxValue)), (1, Gen.Choose(-60, 31 * 24 * 60)))
            select new Case(month, mail, wiki, ws, wl, cs, ce, u, now);
        return gen.ToArbitrary();
    }

    private static List<CheckStateInterval> Build(CheckKey key, List<Step> steps, DateTimeOffset start)
    {
        var list = new List<CheckStateInterval>();
        var t = start.AddHours(-12);
        foreach (var s in steps)
        {
            var end = t.AddMinutes(s.Minutes);
            var lastSeen = s.GoesStale ? t.AddMinutes(s.Minutes / 2.0) : end.AddSeconds(-30);
            list.Add(new CheckStateInterval(key, s.Status, t, lastSeen < t ? t : lastSeen, end));
            t = end.AddMinutes(s.GapMinutes);
        }

        return list;
    }

    [Fact]
    public void Explain_AnyHistory_CoversTheMonthAndGivesTheCalculatorsFigure() =>
        Check.One(Quick, Prop.ForAll(Cases(), c =>
        {
            var month = MonthPeriod.Parse(c.Month);
            var start = month.Start(LocalTime.Toronto);
            var end = month.End(LocalTime.Toronto);
            var now = c.NowMinutes == int.MaxValue ? end.AddDays(3) : start.AddMinutes(c.NowMinutes);
            var service = Service("mail", "critical", Mail, Wiki);
            var history = new CheckHistoryIndex(Build(Mail, c.Mail, start).Concat(Build(Wiki, c.Wiki, start)));
            var window = new MaintenanceWindow("w", start.AddMinutes(c.WindowStart), start.AddMinutes(c.WindowStart + c.WindowLength + 1), ["mail"], "prop", start.AddDays(-30), null);
            var first = new DateOnly(month.Year, month.Month, 1);
            var contract = Contract(first.AddDays(c.ContractStartDay).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.UnknownDown);
            contract.End = c.ContractEndDay is { } e ? first.AddDays(e) : null;

            var t = TimelineExplanation.Explain(CatalogOf(contract, service), service, history, [window], month, now);

            var contiguous = t.Segments[0].From == start && t.Segments[^1].To == end
                && t.Segments.Zip(t.Segments.Skip(1)).All(p => p.First.To == p.Second.From && p.First.From < p.First.To
                    && !(p.First.Kind == p.Second.Kind && p.First.Causes.SequenceEqual(p.Second.Causes)));
            var length = (decimal)(end - start).TotalSeconds;
            var explained = t.Segments.All(s => s.Kind == TimelineKind.Up ? s.Causes.Count == 0
                : s.Causes.Count > 0 && s.Causes.All(x => s.Kind switch
                {
                    TimelineKind.Down => x.Kind == TimelineCauseKind.Critical,
                    TimelineKind.Unknown => x.Kind is TimelineCauseKind.ReportedUnknown or TimelineCauseKind.Stale or TimelineCauseKind.NoData,
                    TimelineKind.Excluded => x.Kind == TimelineCauseKind.Maintenance,
                    TimelineKind.OutsideContract => x.Kind == TimelineCauseKind.NoContract,
                    _ => x.Kind == TimelineCauseKind.NotYet,
                }));

            var (from, to) = TimelineExplanation.ContractSpan(contract, start, end, LocalTime.Toronto);
            var expected = to > from ? AvailabilityCalculator.Compute(service, history, [window], from, to, now, c.UnknownDown) : null;
            var same = expected is null
                ? t.Availability is null && t.Totals.OutsideContractSeconds == length
                : expected.Exact == t.ExactAvailability && expected.Up == t.Totals.Up && expected.Down == t.Totals.Down
                  && expected.Unknown == t.Totals.Unknown && expected.Excluded == t.Totals.Excluded;
            return contiguous && explained && same && t.Segments.Sum(s => s.Seconds) == length && t.Totals.TotalSeconds == length;
        }));
}
