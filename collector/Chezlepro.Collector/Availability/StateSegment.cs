namespace Chezlepro.Collector.Availability;

/// <summary>A half-open span [From, To) in one state.</summary>
public readonly record struct StateSegment(DateTimeOffset From, DateTimeOffset To, ServiceState State)
{
    /// <summary>Length of the span.</summary>
    public TimeSpan Duration => To - From;
}
