using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Storage.Watermarks;

namespace Chezlepro.Collector.Reports;

/// <summary>
/// Gives an unknown span of a check its eviction reason: when a check on a node went silent or had no data while that
/// node's agent evicted a run of seqs (inferred span, <see cref="EvictedSpan"/>), the span's causes say so. The figure does
/// not change: the minutes stay unknown, now explained.
/// </summary>
public static class EvictedCauses
{
    /// <summary>The timeline with an <see cref="TimelineCauseKind.Evicted"/> cause added to each unknown segment a run overlaps.</summary>
    public static ServiceMonthTimeline Annotate(ServiceMonthTimeline timeline, IReadOnlyList<EvictedSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0) return timeline;
        return timeline with { Segments = timeline.Segments.Select(s => s.Kind == TimelineKind.Unknown ? Annotate(s, spans) : s).ToList() };
    }

    private static TimelineSegment Annotate(TimelineSegment segment, IReadOnlyList<EvictedSpan> spans)
    {
        var added = segment.Causes
            .Where(c => c is { Check: not null, Kind: TimelineCauseKind.Stale or TimelineCauseKind.NoData })
            .SelectMany(c => spans.Where(s => s.Site == c.Check!.Value.Site && s.Node == c.Check.Value.Node && s.Overlaps(segment.From, segment.To))
                .Select(s => new TimelineCause
                {
                    Kind = TimelineCauseKind.Evicted, Check = c.Check,
                    Text = $"{c.Check}: evicted by the agent's outbox bound ({s.Run.Reason}), seqs {s.Run.From}–{s.Run.To}",
                }))
            .Distinct().ToList();
        return added.Count == 0 ? segment : segment with { Causes = [.. segment.Causes, .. added] };
    }
}
