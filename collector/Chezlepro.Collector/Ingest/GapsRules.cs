using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Ingest;

/// <summary>
/// What a gaps notice's <c>evicted</c> must be before a watermark may pass over it (contract.md "Gaps notice"). Without
/// ranges every seq from..to was evicted; with ranges only the listed runs were, and a kept seq between them must not be
/// passed over, so a notice whose runs do not add up is refused as a whole.
/// </summary>
public static class GapsRules
{
    /// <summary>Why the range is not acceptable; null when it is.</summary>
    public static string? Problem(EvictedRange? evicted)
    {
        if (evicted is null) return "gaps notice without evicted";
        if (evicted.Reason is not (EvictedRange.ReasonBytes or EvictedRange.ReasonAge)) return "evicted.reason is not bytes or age";
        if (evicted.From < 1 || evicted.To < evicted.From) return "evicted.from/to not an ascending range of seqs";
        if (evicted.Ranges is not { } runs)
            return evicted.Count == evicted.To - evicted.From + 1 ? null : "evicted.count differs from to - from + 1";
        if (runs.Count == 0) return "evicted.ranges is empty";
        long sum = 0;
        var previous = evicted.From - 1;
        foreach (var run in runs)
        {
            if (run is null || run.From > run.To) return "evicted.ranges holds a run that is not ascending";
            if (run.From <= previous) return "evicted.ranges not ascending and disjoint";
            if (run.From < evicted.From || run.To > evicted.To) return "evicted.ranges reaches outside from..to";
            sum += run.To - run.From + 1;
            previous = run.To;
        }
        return sum == evicted.Count ? null : "evicted.ranges sizes differ from evicted.count";
    }
}
