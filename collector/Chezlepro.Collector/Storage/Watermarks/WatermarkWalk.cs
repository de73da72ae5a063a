namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>The watermark rule, pure: both stores run it inside the batch's transaction.</summary>
public static class WatermarkWalk
{
    /// <summary>
    /// Moves <paramref name="watermark"/> forward over every next seq that is <paramref name="received"/> (stored or
    /// rejected) or inside an evicted run; stops at the first seq that is neither. Never moves backwards.
    /// </summary>
    /// <param name="watermark">The stored watermark.</param>
    /// <param name="received">Seqs known received above (or at) the watermark, any order.</param>
    /// <param name="evicted">Evicted runs, any order (only those reaching above the watermark matter).</param>
    public static long Advance(long watermark, IEnumerable<long> received, IReadOnlyList<EvictedRun> evicted)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(evicted);
        var known = received.Where(s => s > watermark).ToHashSet();
        var runs = evicted.Where(r => r.To > watermark).OrderBy(r => r.From).ToList();
        var w = watermark;
        var moved = true;
        while (moved)
        {
            moved = false;
            while (known.Remove(w + 1))
            {
                w++;
                moved = true;
            }
            foreach (var run in runs)
            {
                if (run.From > w + 1 || run.To <= w) continue;
                w = run.To;
                moved = true;
            }
        }
        return w;
    }
}
