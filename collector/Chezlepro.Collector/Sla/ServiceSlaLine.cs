using Chezlepro.Collector.Availability;

namespace Chezlepro.Collector.Sla;

/// <summary>One service of a contract's monthly report, with the spans that cost availability.</summary>
public sealed record ServiceSlaLine
{
    /// <summary>Service id.</summary>
    public required string ServiceId { get; init; }

    /// <summary>Service name (as clients read it).</summary>
    public required string Name { get; init; }

    /// <summary>Category as configured.</summary>
    public required string Category { get; init; }

    /// <summary>The measured availability, downtime and unknown spans with their causes.</summary>
    public required ServiceAvailability Availability { get; init; }

    /// <summary>
    /// Relative URL of the service's timeline for the month (<c>/api/v1/availability/{service}/timeline?month=</c>), the
    /// segments behind the figure. Not required: reports frozen before it existed are read back without it. Not in the
    /// CSV either, so the fingerprint of a report stays that of its numbers.
    /// </summary>
    public string? TimelineUrl { get; init; }
}
