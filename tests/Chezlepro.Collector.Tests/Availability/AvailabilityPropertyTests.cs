using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Sla;
using Chezlepro.Contracts.Messages;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Availability;

public class AvailabilityPropertyTests
{
    private static readonly DateTimeOffset From = T("2026-04-10T00:00:00Z");
    private static readonly DateTimeOffset To = T("2026-04-12T00:00:00Z");
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>One step of a random history: status, minutes held, minutes of silence after, whether results stopped early.</summary>
    public sealed record Step(HealthStatus Status, int Minutes, int GapMinutes, bool GoesStale);

    public sealed record Case(List<Step> Steps, int DownStart, int DownLength, int WindowStart, int WindowLength, bool UnknownDown);

    private static Arbitrary<Case> Cases()
    {
        var step =
            from s in Gen.Elements(HealthStatus.Ok, HealthStatus.Warning, HealthStatus.Critical, HealthStatus.Unknown)
            from m in Gen.Choose(1, 600)
            from g in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 120)))
            from stale in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new Step(s, m, g, stale);
        var gen =
            from steps in Gen.ListOf(step).Select(l => l.ToList())
            from ds in Gen.Choose(0, 2 * 24 * 60)
            from dl in Gen.Choose(0, 24 * 60)
            from ws in Gen.Choose(-600, 2 * 24 * 60)
            from wl in Gen.Choose(0, 24 * 60)
            from u in Gen.Elements(true, false)
            select new Case(steps, ds, dl, ws, wl, u);
        return gen.ToArbitrary();
    }

    private static List<CheckStateInterval> Build(CheckKey key, List<Step> steps)
    {
        var list = new List<CheckStateInterval>();
        var t = From.AddHours(-6);
        foreach (var s in steps)
        {
            var end = t.AddMinutes(s.Minutes);
            var lastSeen = s.GoesStale ? t.AddMinutes(s.Minutes / 2.0) : end.AddSeconds(-30);
            list.Add(new CheckStateInterval(key, s.Status, t, lastSeen < t ? t : lastSeen, end));
            t = end.AddMinutes(s.GapMinutes);
        }

        return list;
    }

    private static ServiceAvailability Compute(IEnumerable<CheckStateInterval> history, IEnumerable<MaintenanceWindow> windows, bool unknownDown, params CheckKey[] checks) =>
        AvailabilityCalculator.Compute(Service("mail", "critical", checks), new CheckHistoryIndex(history), windows, From, To, To, unknownDown);

    [Fact]
    public void Compute_AnyHistory_StaysWithin0And100AndAccountsForEverySecond() =>
        Check.One(Quick, Prop.ForAll(Cases(), c =>
        {
            var a = Compute(Build(Mail, c.Steps), [], c.UnknownDown, Mail);
            var inRange = a.Exact is null || (a.Exact >= 0m && a.Exact <= 100m);
            return inRange && a.Up + a.Down + a.Unknown + a.Excluded == To - From;
        }));

    [Fact]
    public void Compute_AddingDowntime_NeverRaisesAvailability() =>
        Check.One(Quick, Prop.ForAll(Cases(), c =>
        {
            var history = Build(Mail, c.Steps);
            // A second defining check, ok and fresh everywhere except a critical span: downtime added, nothing else.
            var extra = Wiki with { Check = "probe.extra" };
            var downFrom = From.AddMinutes(c.DownStart);
            var added = History(extra, From.AddDays(-1), To.AddDays(1), (HealthStatus.Critical, downFrom, downFrom.AddMinutes(c.DownLength)));
            var okOnly = History(extra, From.AddDays(-1), To.AddDays(1));
            var baseline = Compute(history.Concat(okOnly), [], c.UnknownDown, Mail, extra);
            var after = Compute(history.Concat(added), [], c.UnknownDown, Mail, extra);
            return (after.Exact ?? 100m) <= (baseline.Exact ?? 100m) && after.Down >= baseline.Down && baseline.Up >= after.Up
                && baseline.Exact == Compute(history, [], c.UnknownDown, Mail).Exact;
        }));

    [Fact]
    public void Compute_ExcludingAWindow_NeverMakesTheDenominatorNegativeOrLarger() =>
        Check.One(Quick, Prop.ForAll(Cases(), c =>
        {
            var history = Build(Mail, c.Steps);
            var start = From.AddMinutes(c.WindowStart);
            var window = new MaintenanceWindow("w", start, start.AddMinutes(c.WindowLength + 1), ["mail"], "prop", From.AddDays(-30), null);
            var without = Compute(history, [], c.UnknownDown, Mail);
            var with = Compute(history, [window], c.UnknownDown, Mail);
            return with.Counted >= TimeSpan.Zero && with.Counted <= without.Counted && with.Excluded <= To - From
                && (with.Exact is null || (with.Exact >= 0m && with.Exact <= 100m));
        }));

    [Fact]
    public void CreditCalculator_IsMonotoneInShortfallAndNeverAboveTheCap() =>
        Check.One(Quick, Prop.ForAll(
            (from o in Gen.Elements(99.5m, 99.9m, 99.0m, 95m)
             from x in Gen.Choose(0, 200_000)
             from y in Gen.Choose(0, 200_000)
             select (o, Math.Max(x, y), Math.Min(x, y))).ToArbitrary(),
            t =>
            {
                var (objective, hi, lo) = t;
                var better = CreditCalculator.Compute(objective, 100m - (lo / 10_000m));
                var worse = CreditCalculator.Compute(objective, 100m - (hi / 10_000m));
                return worse.CreditPercent >= better.CreditPercent && worse.Tranches >= better.Tranches
                    && worse.CreditPercent <= 20m && better.CreditPercent >= 0m;
            }));

    [Fact]
    public void Compute_IntervalsInAnyOrder_GiveTheSameResult() =>
        Check.One(Quick, Prop.ForAll(Cases(), c =>
        {
            var history = Build(Mail, c.Steps);
            var shuffled = history.OrderBy(i => (i.From.Ticks * 7919) % 104729).ToList();
            var a = Compute(history, [], c.UnknownDown, Mail);
            var b = Compute(shuffled, [], c.UnknownDown, Mail);
            return a.Exact == b.Exact && a.Up == b.Up && a.Down == b.Down && a.Unknown == b.Unknown && a.Intervals.Count == b.Intervals.Count;
        }));
}
