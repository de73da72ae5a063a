namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>
/// The capture-time span an evicted run covered, inferred from the stored seqs just before and after it: the evicted
/// messages are gone, so their own capture times are unknown.
/// </summary>
/// <param name="Site">Site.</param>
/// <param name="Node">Node.</param>
/// <param name="Run">The run.</param>
/// <param name="From">Capture time of the stored seq just before the run (the one after it, or the notice's reception, when none).</param>
/// <param name="To">Capture time of the stored seq just after the run (the notice's reception when none).</param>
public sealed record EvictedSpan(string Site, string Node, EvictedRun Run, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The span of a run from the capture times of its stored neighbours, either of which may be unknown.</summary>
    public static EvictedSpan Infer(string site, string node, EvictedRun run, DateTimeOffset? before, DateTimeOffset? after)
    {
        ArgumentNullException.ThrowIfNull(run);
        var to = after ?? run.ReceivedAt;
        return new EvictedSpan(site, node, run, before ?? to, to);
    }

    /// <summary>True when the span overlaps [from, to).</summary>
    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => From < to && To >= from;
}
