using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Availability.Rollup;

namespace Chezlepro.Collector.Storage.Rollup;

/// <summary>What a store writes to summarise days, the same for both stores: which day rows to keep and each check's first day.</summary>
internal static class CheckDayPlan
{
    /// <summary>Days summarised per step when the roll-up catches up (the first time: the whole history), to bound memory.</summary>
    public const int StepDays = 31;

    /// <summary>
    /// The rows to keep for one check over the days [from, until) (both day starts), from its intervals overlapping
    /// them sorted by start, and its first day with data given the one already stored (null: none yet). A check that
    /// has reported before keeps a row for every day it has no data since, so a missing row always means "clean".
    /// </summary>
    public static (List<CheckDay> Rows, DateTimeOffset? First) ForCheck(IReadOnlyList<CheckStateInterval> intervals, DateTimeOffset from, DateTimeOffset until,
        DateTimeOffset? first)
    {
        if (until <= from) return ([], first);
        var days = CheckDays.Summarise(intervals, from, until);
        var found = CheckDays.FirstWithData(days);
        var start = first is { } f && (found is null || f < found) ? f : found;
        if (start is null) return ([], null);
        return ([.. days.Where(d => d.Start >= start && CheckDayRollup.IsStored(d))], start);
    }

    /// <summary>Rows grouped per check, each list sorted by start.</summary>
    public static Dictionary<CheckKey, List<CheckStateInterval>> ByCheck(IEnumerable<CheckIntervalRow> rows)
    {
        var byKey = new Dictionary<CheckKey, List<CheckStateInterval>>();
        foreach (var r in rows)
        {
            var key = new CheckKey(r.Site, r.Node, r.Check);
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(new CheckStateInterval(key, r.Status, r.From, r.LastSeen, r.To));
        }

        foreach (var list in byKey.Values) list.Sort(static (a, b) => a.From.CompareTo(b.From));
        return byKey;
    }

    /// <summary>The steps [from, until) is summarised in, each at most <see cref="StepDays"/> days.</summary>
    public static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Steps(DateTimeOffset from, DateTimeOffset until)
    {
        var s = from;
        while (s < until)
        {
            var e = s;
            for (var i = 0; i < StepDays && e < until; i++) e = TorontoDays.Next(e);
            yield return (s, e);
            s = e;
        }
    }
}
