namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>What is missing of a node, pure: both stores read the same rows and call this.</summary>
public static class DeliveryHoles
{
    /// <summary>
    /// Evicted runs (explained) and the holes above the watermark (unexplained: seqs between the watermark and the
    /// highest received that are neither received nor evicted), ascending by first seq. A hole is known since the
    /// earliest reception of anything above it.
    /// </summary>
    /// <param name="watermark">The node's watermark.</param>
    /// <param name="pending">Seqs received above the watermark with their reception time, any order.</param>
    /// <param name="evicted">Every recorded evicted run.</param>
    public static IReadOnlyList<MissingRange> Find(long watermark, IReadOnlyList<(long Seq, DateTimeOffset ReceivedAt)> pending, IReadOnlyList<EvictedRun> evicted)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(evicted);
        var missing = evicted.Select(r => new MissingRange(r.From, r.To, true, r.Reason, r.ReceivedAt)).ToList();
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

    /// <summary>The figures of <see cref="DeliverySummary"/> from <see cref="Find"/>'s ranges.</summary>
    public static DeliverySummary Summarise(string site, string node, long watermark, IReadOnlyList<MissingRange> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var holes = missing.Where(m => !m.Explained).ToList();
        return new DeliverySummary(site, node, watermark, missing.Where(m => m.Explained).Sum(m => m.Count), holes.Sum(m => m.Count),
            holes.Count == 0 ? null : holes.Min(h => h.Since));
    }
}
