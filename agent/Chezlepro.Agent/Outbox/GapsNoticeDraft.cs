using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.Outbox;

/// <summary>A gaps notice about to be appended: what it declares and the message carrying it.</summary>
/// <param name="Evicted">The evicted seqs it declares.</param>
/// <param name="Message">The outbox message (kind <see cref="OutboxKind.Gaps"/>).</param>
internal sealed record GapsNoticeDraft(EvictedRange Evicted, PendingMessage Message)
{
    /// <summary>Runs per notice at most, so that one notice stays a few kilobytes however scattered the loss.</summary>
    public const int MaxRanges = 256;

    /// <summary>
    /// The notices declaring exactly <paramref name="seqs"/>: one per <see cref="MaxRanges"/> runs of consecutive seqs,
    /// with <c>ranges</c> only when a notice's seqs are not the whole of its from..to (contract.md, gaps notice).
    /// </summary>
    public static IEnumerable<GapsNoticeDraft> Describe(IReadOnlyCollection<long> seqs, string reason, Func<EvictedRange, PendingMessage> notice)
    {
        if (seqs.Count == 0) yield break;
        var runs = Runs(seqs);
        for (var start = 0; start < runs.Count; start += MaxRanges)
        {
            var chunk = runs.GetRange(start, Math.Min(MaxRanges, runs.Count - start));
            var range = new EvictedRange
            {
                From = chunk[0].From,
                To = chunk[^1].To,
                Count = chunk.Sum(r => r.To - r.From + 1),
                Ranges = chunk.Count == 1 ? null : chunk,
                Reason = reason,
            };
            yield return new GapsNoticeDraft(range, notice(range));
        }
    }

    /// <summary>The seqs (distinct, at least one) as runs of consecutive values, ascending.</summary>
    internal static List<SeqSpan> Runs(IReadOnlyCollection<long> seqs)
    {
        var runs = new List<SeqSpan>();
        long? from = null;
        long to = 0;
        foreach (var seq in seqs.Order())
        {
            if (from is not null && seq == to + 1)
            {
                to = seq;
                continue;
            }
            if (from is { } f) runs.Add(new SeqSpan(f, to));
            (from, to) = (seq, seq);
        }
        runs.Add(new SeqSpan(from!.Value, to));
        return runs;
    }
}
