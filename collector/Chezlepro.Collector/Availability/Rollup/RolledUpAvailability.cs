using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Maintenance;

namespace Chezlepro.Collector.Availability.Rollup;

/// <summary>
/// A service's availability figures over a long period from the day roll-up, exactly equal to
/// <see cref="AvailabilityCalculator.Compute"/>'s (Storage/README.md, "Roll-up"). A whole Toronto day inside the
/// period, summarised, and touched by no exclusion is counted from its day rows when that is exact: all the service's
/// checks clean (up all day), or all but one clean and that one never stale (the service is that check's condition).
/// Every other stretch — the period's partial edges, days a maintenance window touches, days after the roll-up, days
/// two checks share trouble — is computed by the timeline from raw intervals, which the caller reads for
/// <see cref="RawRanges"/> only. The result carries the figures; its down/unknown spans are not listed (empty
/// <see cref="ServiceAvailability.Intervals"/> and segments): a year of them is what the roll-up avoids reading.
/// </summary>
public static class RolledUpAvailability
{
    /// <summary>The stretches of [from, min(to, now)) that need raw intervals of the service's checks.</summary>
    public static List<(DateTimeOffset From, DateTimeOffset To)> RawRanges(ServiceDefinition service, CheckDayRollup rollup, IEnumerable<MaintenanceWindow> windows,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var raw = new List<(DateTimeOffset From, DateTimeOffset To)>();
        Walk(service, rollup, Exclusions.For(service.Id, windows), from, End(from, to, now), raw, null);
        return raw;
    }

    /// <summary>The service's figures over [from, min(to, now)); <paramref name="raw"/> must hold its checks' intervals over <see cref="RawRanges"/>.</summary>
    public static ServiceAvailability Compute(ServiceDefinition service, CheckDayRollup rollup, CheckHistoryIndex raw, IEnumerable<MaintenanceWindow> windows,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, bool unknownCountsAsDown = true)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(raw);
        var end = End(from, to, now);
        var excluded = Exclusions.For(service.Id, windows);
        var ranges = new List<(DateTimeOffset From, DateTimeOffset To)>();
        var totals = new long[4];
        Walk(service, rollup, excluded, from, end, ranges, totals);
        var keys = service.Checks.Select(c => c.ToKey()).ToArray();
        foreach (var (a, b) in ranges)
        {
            var timeline = ServiceTimeline.Build(keys, raw, service.EffectiveStalenessLimit, a, b);
            foreach (var s in Exclusions.Apply(timeline.Segments, excluded)) totals[(int)s.State] += (s.To - s.From).Ticks;
        }

        return new ServiceAvailability
        {
            ServiceId = service.Id,
            From = from,
            To = end,
            UnknownCountsAsDown = unknownCountsAsDown,
            Up = TimeSpan.FromTicks(totals[(int)ServiceState.Up]),
            Down = TimeSpan.FromTicks(totals[(int)ServiceState.Down]),
            Unknown = TimeSpan.FromTicks(totals[(int)ServiceState.Unknown]),
            Excluded = TimeSpan.FromTicks(totals[(int)ServiceState.Excluded]),
            Intervals = [],
        };
    }

    private static DateTimeOffset End(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var end = to < now ? to : now;
        return end < from ? from : end;
    }

    /// <summary>Counts the days the roll-up decides into <paramref name="totals"/> (when given) and collects the rest as merged raw ranges.</summary>
    private static void Walk(ServiceDefinition service, CheckDayRollup rollup, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> excluded,
        DateTimeOffset from, DateTimeOffset end, List<(DateTimeOffset From, DateTimeOffset To)> raw, long[]? totals)
    {
        var checks = service.Checks.Select(c => c.ToKey()).Distinct().Select(rollup.For).ToArray();
        var limit = service.EffectiveStalenessLimit;
        var x = 0;
        var starts = rollup.DayStarts(from, end);
        for (var i = 0; i + 1 < starts.Count; i++)
        {
            var day = starts[i];
            var next = starts[i + 1];
            while (x < excluded.Count && excluded[x].To <= day) x++;
            var whole = day >= from && next <= end && next <= rollup.Until && (x >= excluded.Count || excluded[x].From >= next);
            if (!whole || !TryCount(checks, day, next, limit, totals))
            {
                var a = day > from ? day : from;
                var b = next < end ? next : end;
                if (raw.Count > 0 && raw[^1].To == a) raw[^1] = (raw[^1].From, b);
                else raw.Add((a, b));
            }
        }
    }

    private static bool TryCount(CheckDayLookup[] checks, DateTimeOffset start, DateTimeOffset end, TimeSpan limit, long[]? totals)
    {
        CheckDay? trouble = null;
        foreach (var check in checks)
        {
            var day = check.Day(start, end);
            if (day.IsCleanFor(limit)) continue;
            // Two checks in trouble the same day: when they overlap decides the service's state; only raw intervals know.
            if (trouble is not null || !day.IsFreshFor(limit)) return false;
            trouble = day;
        }

        if (totals is null) return true;
        if (checks.Length == 0)
        {
            totals[(int)ServiceState.Unknown] += (end - start).Ticks;
            return true;
        }

        if (trouble is not { } t)
        {
            totals[(int)ServiceState.Up] += (end - start).Ticks;
            return true;
        }

        totals[(int)ServiceState.Up] += t.Ok.Ticks;
        totals[(int)ServiceState.Down] += t.Critical.Ticks;
        totals[(int)ServiceState.Unknown] += (t.Length - t.Ok - t.Critical).Ticks;
        return true;
    }
}
