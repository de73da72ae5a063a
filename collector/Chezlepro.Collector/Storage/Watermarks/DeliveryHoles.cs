namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>What is missing of a node, pure: both stores read the same rows and call this.</summary>
public static class DeliveryHoles
{
    /// <summary>
    /// Evicted runs (explained) and the holes above the watermark (unexplained: seqs between the watermark and the
    /// highest received that are neither received nor evicted), ascending by first seq. A hole is known since the
    /// earliest reception of anything above it. A seq a notice declared evicted but that arrived anyway (PUBACKed before
    /// the agent evicted it unacknowledged, delivered later by the broker) is stored, not missing: it is cut out of its
    /// run, and a seq two notices declared counts once.
    /// </summary>
    /// <param name="watermark">The node's watermark.</param>
    /// <param name="pending">Seqs received above the watermark with their reception time, any order.</param>
    /// <param name="evicted">Every recorded evicted run.</param>
    /// <param name="stored">Other seqs known received (stored or rejected), any side of the watermark; only those inside a run matter.</param>
    public static IReadOnlyList<MissingRange> Find(long watermark, IReadOnlyList<(long Seq, DateTimeOffset ReceivedAt)> pending,
        IReadOnlyList<EvictedRun> evicted, IReadOnlyCollection<long>? stored = null)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(evicted);
        var received = new SortedSet<long>(pending.Select(p => p.Seq));
        if (stored is not null) received.UnionWith(stored);
        var missing = Explained(evicted, received);
        var known = pending.Where(p => p.Seq > watermark).Select(p => (From: p.Seq, To: p.Seq, p.ReceivedAt))
            .Concat(evicted.Where(r => r.To > watermark).Select(r => (r.From, r.To, r.ReceivedAt)))
            .OrderBy(k => k.From).ToList();
        var since = new DateTimeOffset[known.Count];
        for (var i = known.Count - 1; i >= 0; i--)
            since[i] = i == known.Count - 1 || known[i].ReceivedAt < since[i + 1] ? known[i].ReceivedAt : since[i + 1];
        var cursor = watermark + 1;
        for (var i = 0; i < known.Count; i++)
        {
            if (known[i].From > cursor) missing.Add(new MissingRange(cursor, known[i].From - 1, false, null, since[i]));
            cursor = Math.Max(cursor, known[i].To + 1);
        }
        return missing.OrderBy(m => m.From).ThenBy(m => m.Explained).ToList();
    }

    /// <summary>The evicted runs without the seqs received and without what an earlier run already declared.</summary>
    private static List<MissingRange> Explained(IReadOnlyList<EvictedRun> evicted, SortedSet<long> received)
    {
        var missing = new List<MissingRange>();
        var covered = long.MinValue;
        foreach (var run in evicted.OrderBy(r => r.From).ThenBy(r => r.NoticeSeq))
        {
            var from = Math.Max(run.From, covered == long.MinValue ? run.From : covered + 1);
            if (from > run.To) continue;
            covered = Math.Max(covered, run.To);
            foreach (var seq in received.GetViewBetween(from, run.To))
            {
                if (seq > from) missing.Add(new MissingRange(from, seq - 1, true, run.Reason, run.ReceivedAt));
                from = seq + 1;
            }
            if (from <= run.To) missing.Add(new MissingRange(from, run.To, true, run.Reason, run.ReceivedAt));
        }
        return missing;
    }

    /// <summary>The figures of <see cref="DeliverySummary"/> from <see cref="Find"/>'s ranges.</summary>
    public static DeliverySummary Summarise(string site, string node, long watermark, IReadOnlyList<MissingRange> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var holes = missing.Where(m => !m.Explained).ToList();
        return new DeliverySummary(site, node, watermark, missing.Where(m => m.Explained).Sum(m => m.Count), holes.Sum(m => m.Count),
            holes.Count == 0 ? null : holes.Min(h => h.Since));
    }
}
