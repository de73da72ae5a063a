using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Availability;

/// <summary>
/// A service's state over [From, To), derived from its defining checks by the rule of service-levels.md: down if
/// any check is critical; else unknown if any is unknown, stale or has no data; else up (warning counts as up).
/// The interval in force at <c>From</c> carries into the period, whenever it started.
/// </summary>
public sealed class ServiceTimeline
{
    private readonly CheckKey[] checks;
    private readonly List<CheckSegment>[] perCheck;

    private ServiceTimeline(DateTimeOffset from, DateTimeOffset to, CheckKey[] checks, List<CheckSegment>[] perCheck, List<StateSegment> segments)
    {
        From = from;
        To = to;
        this.checks = checks;
        this.perCheck = perCheck;
        Segments = segments;
    }

    /// <summary>Start of the timeline.</summary>
    public DateTimeOffset From { get; }

    /// <summary>Exclusive end of the timeline.</summary>
    public DateTimeOffset To { get; }

    /// <summary>Contiguous, merged segments covering [From, To) in Up, Down or Unknown.</summary>
    public IReadOnlyList<StateSegment> Segments { get; }

    /// <summary>Builds the timeline of a service defined by <paramref name="checks"/> over [from, to).</summary>
    public static ServiceTimeline Build(IReadOnlyList<CheckKey> checks, CheckHistoryIndex histories, TimeSpan stalenessLimit, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(histories);
        if (to < from) to = from;
        var keys = checks.Distinct().ToArray();
        var perCheck = new List<CheckSegment>[keys.Length];
        for (var i = 0; i < keys.Length; i++) perCheck[i] = ForCheck(histories.For(keys[i]), stalenessLimit, from, to);
        return new ServiceTimeline(from, to, keys, perCheck, Combine(perCheck, from, to));
    }

    /// <summary>The distinct defining checks, in the order their spans are kept (<see cref="SpansOf"/>).</summary>
    internal IReadOnlyList<CheckKey> Checks => checks;

    /// <summary>The condition spans of the <paramref name="index"/>-th check, contiguous over [From, To).</summary>
    internal IReadOnlyList<CheckSegment> SpansOf(int index) => perCheck[index];

    /// <summary>
    /// The checks that explain a span in a state: critical ones for Down; unknown, stale or silent ones for Unknown.
    /// </summary>
    public IReadOnlyList<CheckKey> CausesOf(DateTimeOffset from, DateTimeOffset to, ServiceState state)
    {
        var wanted = state switch
        {
            ServiceState.Down => CheckCondition.Critical,
            ServiceState.Unknown => CheckCondition.Unknown,
            _ => (CheckCondition?)null,
        };
        if (wanted is null) return [];
        var causes = new List<CheckKey>();
        for (var i = 0; i < checks.Length; i++)
        {
            var segs = perCheck[i];
            var k = FirstEndingAfter(segs, from);
            for (; k < segs.Count && segs[k].From < to; k++)
            {
                if (segs[k].Condition == wanted) { causes.Add(checks[i]); break; }
            }
        }

        return causes;
    }

    internal static List<CheckSegment> ForCheck(IReadOnlyList<CheckStateInterval> intervals, TimeSpan stalenessLimit, DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<CheckSegment>();
        var cursor = from;
        // Start at the last interval beginning at or before `from`: that is the state carried into the period.
        var start = LastStartingAtOrBefore(intervals, from);
        for (var i = Math.Max(start, 0); i < intervals.Count && cursor < to; i++)
        {
            var iv = intervals[i];
            var end = iv.To ?? DateTimeOffset.MaxValue;
            // Overlapping rows (late data folded twice) never count twice: the later start wins.
            if (i + 1 < intervals.Count && intervals[i + 1].From < end) end = intervals[i + 1].From;
            if (end <= cursor) continue;
            if (iv.From >= to) break;
            if (iv.From > cursor) Add(result, cursor, iv.From, CheckCondition.Unknown, CheckEvidence.NoData, null, null);
            var s = iv.From > cursor ? iv.From : cursor;
            var e = end < to ? end : to;
            var lastSeen = iv.LastSeen < iv.From ? iv.From : iv.LastSeen;
            var staleAt = lastSeen > DateTimeOffset.MaxValue - stalenessLimit ? DateTimeOffset.MaxValue : lastSeen + stalenessLimit;
            var fresh = staleAt < e ? staleAt : e;
            if (fresh > s) Add(result, s, fresh, Map(iv.Status), CheckEvidence.Reported, iv.Status, lastSeen);
            Add(result, fresh > s ? fresh : s, e, CheckCondition.Unknown, CheckEvidence.Stale, iv.Status, lastSeen);
            cursor = e;
        }

        if (cursor < to) Add(result, cursor, to, CheckCondition.Unknown, CheckEvidence.NoData, null, null);
        return result;
    }

    private static List<StateSegment> Combine(List<CheckSegment>[] perCheck, DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<StateSegment>();
        if (from >= to) return result;
        if (perCheck.Length == 0)
        {
            result.Add(new StateSegment(from, to, ServiceState.Unknown));
            return result;
        }

        var idx = new int[perCheck.Length];
        var t = from;
        while (t < to)
        {
            var next = to;
            var critical = false;
            var unknown = false;
            for (var k = 0; k < perCheck.Length; k++)
            {
                var seg = perCheck[k][idx[k]];
                critical |= seg.Condition == CheckCondition.Critical;
                unknown |= seg.Condition == CheckCondition.Unknown;
                if (seg.To < next) next = seg.To;
            }

            var state = critical ? ServiceState.Down : unknown ? ServiceState.Unknown : ServiceState.Up;
            if (result.Count > 0 && result[^1].State == state) result[^1] = result[^1] with { To = next };
            else result.Add(new StateSegment(t, next, state));
            for (var k = 0; k < perCheck.Length; k++)
            {
                if (perCheck[k][idx[k]].To == next && idx[k] < perCheck[k].Count - 1) idx[k]++;
            }

            t = next;
        }

        return result;
    }

    private static void Add(List<CheckSegment> list, DateTimeOffset from, DateTimeOffset to, CheckCondition c, CheckEvidence evidence, HealthStatus? status, DateTimeOffset? lastSeen)
    {
        if (to <= from) return;
        // Spans merge only when their explanation is the same too; Combine and CausesOf look at the condition alone,
        // so the finer split changes nothing they compute.
        var next = new CheckSegment(from, to, c, evidence, status, lastSeen);
        if (list.Count > 0 && list[^1].To == from && list[^1] with { From = from, To = to } == next) list[^1] = list[^1] with { To = to };
        else list.Add(next);
    }

    private static CheckCondition Map(HealthStatus status) => status switch
    {
        HealthStatus.Ok or HealthStatus.Warning => CheckCondition.Ok,
        HealthStatus.Critical => CheckCondition.Critical,
        _ => CheckCondition.Unknown,
    };

    private static int LastStartingAtOrBefore(IReadOnlyList<CheckStateInterval> list, DateTimeOffset t)
    {
        int lo = 0, hi = list.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].From <= t) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }

        return found;
    }

    private static int FirstEndingAfter(List<CheckSegment> segs, DateTimeOffset t)
    {
        int lo = 0, hi = segs.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (segs[mid].To <= t) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
