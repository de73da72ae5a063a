namespace Chezlepro.Collector.Availability;

/// <summary>A span [From, To) of a service's monthly timeline, its kind and the causes of that kind (none for up).</summary>
public sealed record TimelineSegment
{
    /// <summary>Start.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Exclusive end.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>
    /// Length in seconds, exact: decimal carries the 100-ns ticks without rounding, so the segments of a month add up
    /// to its length to the last digit (a sum of doubles with milliseconds would not).
    /// </summary>
    public decimal Seconds => TimelineTotals.ToSeconds(To - From);

    /// <summary>What the span is.</summary>
    public required TimelineKind Kind { get; init; }

    /// <summary>Why: the critical checks of a down span, the unknown, stale or silent checks of an unknown span, the windows of an excluded span.</summary>
    public required IReadOnlyList<TimelineCause> Causes { get; init; }
}
