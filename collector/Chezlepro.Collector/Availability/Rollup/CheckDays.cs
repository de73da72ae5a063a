using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Availability.Rollup;

/// <summary>Summarises one check's intervals per Toronto day (<see cref="CheckDay"/>); pure, the same for both stores.</summary>
public static class CheckDays
{
    /// <summary>
    /// The days [<paramref name="from"/>, <paramref name="to"/>) (both day starts) of one check, from its intervals
    /// sorted by start, including those overlapping the range's edges; every day of the range is returned, in order.
    /// </summary>
    public static List<CheckDay> Summarise(IReadOnlyList<CheckStateInterval> intervals, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var bounds = TorontoDays.Boundaries(from, to);
        var days = bounds.Count - 1;
        var ok = new long[days];
        var critical = new long[days];
        var unknown = new long[days];
        var tail = new long[days];
        var d = 0;
        for (var i = 0; i < intervals.Count && d < days; i++)
        {
            var iv = intervals[i];
            // The timeline's reading (ServiceTimeline.ForCheck): an interval holds until its end or the next start.
            var end = iv.To ?? DateTimeOffset.MaxValue;
            if (i + 1 < intervals.Count && intervals[i + 1].From < end) end = intervals[i + 1].From;
            var s = iv.From > from ? iv.From : from;
            var e = end < to ? end : to;
            if (e <= s) continue;
            var lastSeen = iv.LastSeen < iv.From ? iv.From : iv.LastSeen;
            while (d < days && bounds[d + 1] <= s) d++;
            for (var k = d; k < days && bounds[k] < e; k++)
            {
                var a = s > bounds[k] ? s : bounds[k];
                var b = e < bounds[k + 1] ? e : bounds[k + 1];
                var ticks = (b - a).Ticks;
                switch (iv.Status)
                {
                    case HealthStatus.Ok or HealthStatus.Warning: ok[k] += ticks; break;
                    case HealthStatus.Critical: critical[k] += ticks; break;
                    default: unknown[k] += ticks; break;
                }

                var t = (b - lastSeen).Ticks;
                if (t > tail[k]) tail[k] = t;
            }
        }

        var result = new List<CheckDay>(days);
        for (var k = 0; k < days; k++)
        {
            result.Add(new CheckDay(bounds[k], bounds[k + 1], TimeSpan.FromTicks(ok[k]), TimeSpan.FromTicks(critical[k]),
                TimeSpan.FromTicks(unknown[k]), TimeSpan.FromTicks(tail[k])));
        }

        return result;
    }

    /// <summary>Start of the first day with any interval, or null when none has one.</summary>
    public static DateTimeOffset? FirstWithData(IReadOnlyList<CheckDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var d in days)
        {
            if (d.Ok + d.Critical + d.Unknown > TimeSpan.Zero) return d.Start;
        }

        return null;
    }
}
