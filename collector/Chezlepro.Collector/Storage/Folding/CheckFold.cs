using Chezlepro.Collector.Catalog;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage.Folding;

/// <summary>
/// The one rule that turns a check's health results into stored state intervals, written once for both stores.
/// The intervals are a function of the SET of results, whatever order they arrive in: sort the results by time
/// (at equal times the most severe wins), then a new interval starts at every change of status and after every
/// silence longer than <see cref="MaxGap"/>. Because no staleness limit may be shorter than <see cref="MaxGap"/>
/// (service-levels.md: "at least 90 s"), a silence inside an interval is always shorter than any service's limit,
/// and every silence that may count as unknown lies between two intervals, where the timeline sees it.
/// </summary>
public static class CheckFold
{
    /// <summary>Longest silence kept inside one interval: the smallest staleness limit a service may have.</summary>
    public static readonly TimeSpan MaxGap = ServiceDefinition.MinimumStalenessLimit;

    private static readonly long MaxGapMs = (long)MaxGap.TotalMilliseconds;

    /// <summary>
    /// Folds one result into the intervals around it: <paramref name="previous"/> and <paramref name="inForce"/> are
    /// the last two intervals starting at or before the result, <paramref name="next"/> the first starting after it
    /// (null when there is none). In-order results and results that repeat their interval's status are decided here;
    /// a different status inside an interval needs that interval's results (<see cref="FoldPlan.NeedsResults"/>).
    /// </summary>
    public static FoldPlan Plan(FoldInterval? previous, FoldInterval? inForce, FoldInterval? next, FoldResult result)
    {
        var ts = result.Ts;
        if (inForce is null)
        {
            // Before every known result: either the first result of the next run, or a run of its own.
            if (next is not null && next.Status == result.Status && next.From - ts <= MaxGapMs)
                return new([], [next with { From = ts }], []);
            return new([], [], [new FoldInterval(0, result.Status, ts, ts, next?.From, result.Details)]);
        }

        if (ts <= inForce.LastSeen)
        {
            if (inForce.Status == result.Status) return FoldPlan.None;
            List<FoldInterval> window = previous is null ? [inForce] : [previous, inForce];
            if (next is not null) window.Add(next);
            return FoldPlan.Reload(window);
        }

        // After the last result of the interval in force and before the next interval (if any).
        var joinsNext = next is not null && next.Status == result.Status && next.From - ts <= MaxGapMs;
        if (inForce.Status == result.Status && ts - inForce.LastSeen <= MaxGapMs)
        {
            if (joinsNext)
                return new([next!.Id], [inForce with { LastSeen = next.LastSeen, To = next.To, Details = next.Details ?? inForce.Details }], []);
            return new([], [inForce with { LastSeen = ts, Details = result.Details ?? inForce.Details }], []);
        }

        if (joinsNext) return new([], [inForce with { To = ts }, next! with { From = ts }], []);
        return new([], [inForce with { To = ts }], [new FoldInterval(0, result.Status, ts, ts, next?.From, result.Details)]);
    }

    /// <summary>
    /// The final plan for a window of intervals (<see cref="FoldPlan.NeedsResults"/>) given every stored result of the
    /// check between the window's first start and last result, the new one included: the window is replaced by the
    /// intervals those results make. When the store no longer holds the window's results (pruned after the retention),
    /// the result is placed without them: the interval in force is cut at the result, which then holds until the
    /// interval's last known result — no up time is invented for the span whose results are gone.
    /// </summary>
    public static FoldPlan Recompute(IReadOnlyList<FoldInterval> window, IReadOnlyList<FoldResult> results, FoldResult result)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(results);
        var deletes = window.Select(w => w.Id).ToList();
        var tail = window[^1].To;
        if (Covers(window, results)) return new(deletes, [], Build(results, tail));

        var inForce = window.Last(w => w.From <= result.Ts);
        var kept = window.Where(w => w != inForce).ToList();
        var inserts = new List<FoldInterval>(kept.Select(w => w with { Id = 0 }));
        var head = inForce with { Id = 0, LastSeen = Math.Max(inForce.From, result.Ts - MaxGapMs), To = result.Ts };
        if (result.Ts > inForce.From) inserts.Add(head);
        var cut = result.Ts < inForce.LastSeen;
        inserts.Add(new FoldInterval(0, result.Status, result.Ts, result.Ts, cut ? inForce.LastSeen : inForce.To, result.Details));
        if (cut) inserts.Add(inForce with { Id = 0, From = inForce.LastSeen });
        return new(deletes, [], inserts.OrderBy(i => i.From).ToList());
    }

    /// <summary>
    /// The intervals a set of results makes, in time order; <paramref name="tail"/> is the <c>To</c> of the last one
    /// (the time of the check's next result after the set, or null).
    /// </summary>
    public static List<FoldInterval> Build(IEnumerable<FoldResult> results, long? tail)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sorted = results.OrderBy(r => r.Ts).ThenBy(r => Severity(r.Status)).ToList();
        var list = new List<FoldInterval>();
        FoldInterval? current = null;
        for (var i = 0; i < sorted.Count; i++)
        {
            var r = sorted[i];
            // At one instant the most severe result stands; the others at that time never held.
            if (i + 1 < sorted.Count && sorted[i + 1].Ts == r.Ts) continue;
            if (current is not null && current.Status == r.Status && r.Ts - current.LastSeen <= MaxGapMs)
            {
                current = current with { LastSeen = r.Ts, Details = r.Details ?? current.Details };
                continue;
            }

            if (current is not null) list.Add(current with { To = r.Ts });
            current = new FoldInterval(0, r.Status, r.Ts, r.Ts, null, r.Details);
        }

        if (current is not null) list.Add(current with { To = tail });
        return list;
    }

    /// <summary>
    /// Rebuilds one check from its stored results (<paramref name="results"/>: every result still stored, i.e. within
    /// the retention) and its current rows: rows starting before the oldest stored result stay (their results are
    /// gone, so they cannot be recomputed), the last of them held until that result; everything from there on is
    /// replaced by what the results make. Returns <see cref="FoldPlan.None"/> when there is no stored result.
    /// </summary>
    public static FoldPlan Rebuild(IReadOnlyList<FoldInterval> existing, IReadOnlyList<FoldResult> results)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) return FoldPlan.None;
        var oldest = results.Min(r => r.Ts);
        var built = Build(results, null);
        var deletes = existing.Where(e => e.From >= oldest).Select(e => e.Id).ToList();
        var straddling = existing.Where(e => e.From < oldest).MaxBy(e => e.From);
        if (straddling is null) return new(deletes, [], built);

        // Its results before `oldest` are pruned: the old row says they ran on with its status, so it holds until the
        // first stored result, and joins the first rebuilt run when that run has its status.
        var head = straddling with { LastSeen = Math.Min(straddling.LastSeen, oldest - 1), To = oldest };
        if (built[0].Status == head.Status && built[0].From - head.LastSeen <= MaxGapMs)
        {
            head = head with { LastSeen = built[0].LastSeen, To = built[0].To, Details = built[0].Details ?? head.Details };
            built.RemoveAt(0);
        }

        return new(deletes, [head], built);
    }

    /// <summary>Rank used at equal times: critical over unknown over warning over ok.</summary>
    public static int Severity(HealthStatus status) => status switch
    {
        HealthStatus.Critical => 3,
        HealthStatus.Unknown => 2,
        HealthStatus.Warning => 1,
        _ => 0,
    };

    // Every interval's first and last results must still be stored, with its status, or the window cannot be rebuilt.
    private static bool Covers(IReadOnlyList<FoldInterval> window, IReadOnlyList<FoldResult> results)
    {
        foreach (var w in window)
        {
            if (!Holds(results, w.From, w.Status) || !Holds(results, w.LastSeen, w.Status)) return false;
        }

        return true;
    }

    private static bool Holds(IReadOnlyList<FoldResult> results, long ts, HealthStatus status)
    {
        foreach (var r in results)
        {
            if (r.Ts == ts && r.Status == status) return true;
        }

        return false;
    }
}
