using Chezlepro.Collector.Availability;

namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>
/// A period of a service that the report must explain (down, unknown or maintenance), clipped to the contract's part
/// of the month, with its causes from the service's timeline.
/// </summary>
/// <param name="ServiceId">Service id.</param>
/// <param name="ServiceName">Service name as the client reads it.</param>
/// <param name="Kind"><see cref="TimelineKind.Down"/>, <see cref="TimelineKind.Unknown"/> or <see cref="TimelineKind.Excluded"/>.</param>
/// <param name="From">Start.</param>
/// <param name="To">Exclusive end.</param>
/// <param name="Causes">Why (checks and what they said, or the maintenance window).</param>
public sealed record ReportPeriod(string ServiceId, string ServiceName, TimelineKind Kind, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TimelineCause> Causes)
{
    /// <summary>Length in exact seconds.</summary>
    public decimal Seconds => TimelineTotals.ToSeconds(To - From);
}
