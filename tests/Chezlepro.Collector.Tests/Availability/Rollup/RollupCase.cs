using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Availability.Rollup;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Contracts.Messages;
using FsCheck;
using FsCheck.Fluent;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Availability.Rollup;

/// <summary>
/// A random history of one or two checks around a Toronto DST change (or not), a period, maintenance windows, "now" and
/// the roll-up's end: what the roll-up must reproduce exactly.
/// </summary>
public sealed record RollupCase(List<CheckStateInterval> Intervals, bool TwoChecks, bool LongLimit, DateTimeOffset From, DateTimeOffset To,
    DateTimeOffset Now, DateTimeOffset Until, List<MaintenanceWindow> Windows)
{
    /// <summary>Days around spring-forward (23 h), fall-back (25 h) and an ordinary week.</summary>
    private static readonly DateTimeOffset[] Anchors = [Local("2026-03-06 00:00"), Local("2026-10-30 00:00"), Local("2026-06-10 00:00")];

    /// <summary>The roll-up's first summarised day: before every interval.</summary>
    public DateTimeOffset RollupStart => TorontoDays.StartOf(Intervals.Count == 0 ? From : Intervals.Min(i => i.From)).AddDays(-1);

    public static Arbitrary<RollupCase> Arbitrary()
    {
        var step =
            from s in Gen.Elements(HealthStatus.Ok, HealthStatus.Ok, HealthStatus.Ok, HealthStatus.Warning, HealthStatus.Critical, HealthStatus.Unknown)
            from minutes in Gen.Frequency((3, Gen.Choose(1, 120)), (2, Gen.Choose(120, 3000)))
            from gap in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(1, 300)))
            from silent in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(2, 400)))
            select (s, minutes, gap, silent);
        var gen =
            from anchor in Gen.Elements(Anchors)
            from two in Gen.Elements(true, false)
            from longLimit in Gen.Elements(true, false)
            from steps1 in Gen.ListOf(step).Select(l => l.ToList())
            from steps2 in Gen.ListOf(step).Select(l => l.ToList())
            from open in Gen.Elements(true, false)
            from fromMin in Gen.Frequency((1, Gen.Choose(0, 4).Select(d => d * 1440)), (2, Gen.Choose(-600, 4 * 1440)))
            from lengthMin in Gen.Frequency((1, Gen.Choose(0, 6).Select(d => d * 1440)), (2, Gen.Choose(0, 8 * 1440)))
            from nowMin in Gen.Choose(0, 10 * 1440)
            from untilDays in Gen.Choose(-1, 9)
            from windows in Gen.ListOf(Gen.Choose(-300, 8 * 1440).SelectMany(s => Gen.Choose(1, 900).Select(l => (s, l)))).Select(l => l.Take(3).ToList())
            select Make(anchor, two, longLimit, steps1, steps2, open, fromMin, lengthMin, nowMin, untilDays, windows);
        return gen.ToArbitrary();
    }

    private static RollupCase Make(DateTimeOffset anchor, bool two, bool longLimit, List<(HealthStatus, int, int, int)> s1, List<(HealthStatus, int, int, int)> s2,
        bool open, int fromMin, int lengthMin, int nowMin, int untilDays, List<(int Start, int Length)> windows)
    {
        var intervals = Steps(Mail, anchor.AddHours(-20), s1, open);
        if (two) intervals.AddRange(Steps(Wiki, anchor.AddHours(-7), s2, !open));
        var until = anchor;
        for (var d = 0; d < untilDays; d++) until = TorontoDays.Next(until);
        var from = anchor.AddMinutes(fromMin);
        return new RollupCase(intervals, two, longLimit, from, from.AddMinutes(lengthMin), anchor.AddMinutes(nowMin), until,
            [.. windows.Select((w, i) => new MaintenanceWindow($"w{i}", anchor.AddMinutes(w.Start), anchor.AddMinutes(w.Start + w.Length), ["mail"], "prop", anchor.AddDays(-30), null))]);
    }

    /// <summary>Consecutive intervals as the fold stores them (never overlapping); a silence ends some early (their last result before their end).</summary>
    private static List<CheckStateInterval> Steps(CheckKey key, DateTimeOffset t, List<(HealthStatus Status, int Minutes, int Gap, int Silent)> steps, bool open)
    {
        var list = new List<CheckStateInterval>();
        for (var i = 0; i < steps.Count; i++)
        {
            var (status, minutes, gap, silent) = steps[i];
            var end = t.AddMinutes(minutes);
            var lastSeen = end.AddSeconds(-30 - (silent * 60));
            list.Add(new CheckStateInterval(key, status, t, lastSeen < t ? t : lastSeen, open && i == steps.Count - 1 ? null : end));
            t = end.AddMinutes(gap);
        }

        return list;
    }

    /// <summary>The service: its checks, and a staleness limit of 90 s or 15 min.</summary>
    public ServiceDefinition Service()
    {
        var s = TwoChecks ? Scenario.Service("mail", "critical", Mail, Wiki) : Scenario.Service("mail", "critical", Mail);
        s.StalenessLimit = LongLimit ? TimeSpan.FromMinutes(15) : null;
        return s;
    }

    /// <summary>The roll-up a store would hold up to <see cref="Until"/>: kept days only, and each check's first day with data.</summary>
    public CheckDayRollup Rollup()
    {
        var first = new Dictionary<CheckKey, DateTimeOffset>();
        var kept = new List<(CheckKey, CheckDay)>();
        var index = new CheckHistoryIndex(Intervals);
        foreach (var key in index.Keys)
        {
            var days = CheckDays.Summarise(index.For(key), RollupStart, Until > RollupStart ? Until : RollupStart);
            var start = CheckDays.FirstWithData(days);
            if (start is null) continue;
            first[key] = start.Value;
            kept.AddRange(days.Where(d => d.Start >= start && CheckDayRollup.IsStored(d)).Select(d => (key, d)));
        }

        return new CheckDayRollup(Until, first, kept);
    }
}
