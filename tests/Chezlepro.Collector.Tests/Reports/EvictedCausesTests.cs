using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Storage.Watermarks;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Reports;

public sealed class EvictedCausesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);
    private static readonly CheckKey Ceph = new("lanaudiere", "pve1", "ceph");

    private static TimelineSegment Segment(int fromMinute, int toMinute, TimelineKind kind, params TimelineCause[] causes) =>
        new() { From = T0.AddMinutes(fromMinute), To = T0.AddMinutes(toMinute), Kind = kind, Causes = causes };

    private static ServiceMonthTimeline Timeline(params TimelineSegment[] segments) => new()
    {
        Service = "mail", Month = "2026-11", From = T0, To = T0.AddHours(1), ComputedAt = T0.AddHours(1), Complete = true, StalenessLimitSeconds = 300,
        UnknownCountsAsDown = true, Totals = new TimelineTotals(), ExactAvailability = null, Availability = null, Segments = segments,
    };

    private static EvictedSpan Span(string node, int fromMinute, int toMinute) =>
        new("lanaudiere", node, new EvictedRun(120, 180, EvictedRange.ReasonBytes, 200, T0.AddHours(2)), T0.AddMinutes(fromMinute), T0.AddMinutes(toMinute));

    [Fact]
    public void Annotate_UnknownStaleSpanOverlappingARunOfItsNode_GetsTheEvictionReason()
    {
        var stale = new TimelineCause { Kind = TimelineCauseKind.Stale, Check = Ceph, Status = HealthStatus.Ok, Text = "stale" };
        var timeline = Timeline(Segment(0, 10, TimelineKind.Up), Segment(10, 30, TimelineKind.Unknown, stale), Segment(30, 60, TimelineKind.Up));
        var annotated = EvictedCauses.Annotate(timeline, [Span("pve1", 12, 25), Span("pve2", 12, 25)]);
        var unknown = annotated.Segments[1];
        Assert.Equal([TimelineCauseKind.Stale, TimelineCauseKind.Evicted], unknown.Causes.Select(c => c.Kind));
        Assert.Equal("lanaudiere/pve1/ceph: evicted by the agent's outbox bound (bytes), seqs 120–180", unknown.Causes[1].Text);
        Assert.Equal(timeline.Segments[0], annotated.Segments[0]);
        Assert.Equal(timeline.Segments.Select(s => (s.From, s.To, s.Kind)), annotated.Segments.Select(s => (s.From, s.To, s.Kind)));
    }

    [Fact]
    public void Annotate_NoOverlapOrNotACheckGap_Unchanged()
    {
        var critical = new TimelineCause { Kind = TimelineCauseKind.ReportedUnknown, Check = Ceph, Status = HealthStatus.Unknown, Text = "unknown" };
        var noData = new TimelineCause { Kind = TimelineCauseKind.NoData, Check = Ceph, Text = "no data" };
        var timeline = Timeline(Segment(0, 10, TimelineKind.Unknown, critical), Segment(10, 20, TimelineKind.Unknown, noData));
        var annotated = EvictedCauses.Annotate(timeline, [Span("pve1", 40, 50), Span("pve1", 0, 5)]);
        Assert.Single(annotated.Segments[0].Causes);
        Assert.Single(annotated.Segments[1].Causes);
    }
}
