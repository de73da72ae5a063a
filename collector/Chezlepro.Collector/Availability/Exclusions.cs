using Chezlepro.Collector.Maintenance;

namespace Chezlepro.Collector.Availability;

/// <summary>Overlays maintenance windows on a timeline (service-levels.md: excluded from both sides of the ratio).</summary>
public static class Exclusions
{
    /// <summary>The merged, sorted exclusion spans of the windows covering a service.</summary>
    public static IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> For(string serviceId, IEnumerable<MaintenanceWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var spans = windows.Where(w => w.Covers(serviceId) && w.EffectiveEnd > w.ExclusionStart)
            .Select(w => (From: w.ExclusionStart, To: w.EffectiveEnd))
            .OrderBy(s => s.From)
            .ToList();
        var merged = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var s in spans)
        {
            if (merged.Count > 0 && s.From <= merged[^1].To)
            {
                if (s.To > merged[^1].To) merged[^1] = (merged[^1].From, s.To);
            }
            else merged.Add(s);
        }

        return merged;
    }

    /// <summary>The segments with every excluded span turned into <see cref="ServiceState.Excluded"/>.</summary>
    public static List<StateSegment> Apply(IReadOnlyList<StateSegment> segments, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> excluded)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(excluded);
        var result = new List<StateSegment>(segments.Count + (2 * excluded.Count));
        var x = 0;
        foreach (var seg in segments)
        {
            var t = seg.From;
            while (t < seg.To)
            {
                while (x < excluded.Count && excluded[x].To <= t) x++;
                if (x >= excluded.Count || excluded[x].From >= seg.To)
                {
                    Add(result, t, seg.To, seg.State);
                    break;
                }

                if (excluded[x].From > t)
                {
                    Add(result, t, excluded[x].From, seg.State);
                    t = excluded[x].From;
                }

                var e = excluded[x].To < seg.To ? excluded[x].To : seg.To;
                Add(result, t, e, ServiceState.Excluded);
                t = e;
            }
        }

        return result;
    }

    private static void Add(List<StateSegment> list, DateTimeOffset from, DateTimeOffset to, ServiceState state)
    {
        if (to <= from) return;
        if (list.Count > 0 && list[^1].State == state && list[^1].To == from) list[^1] = list[^1] with { To = to };
        else list.Add(new StateSegment(from, to, state));
    }
}
