using Chezlepro.Collector.Calendar;

namespace Chezlepro.Collector.Availability;

/// <summary>
/// The segments behind a service's monthly figure (<c>GET /api/v1/availability/{service}/timeline?month=</c>): they
/// cover the calendar month in America/Toronto exactly, and the availability is computed from their totals the way
/// the SLA report computes it, so a reader can redo the sum.
/// </summary>
public sealed record ServiceMonthTimeline
{
    /// <summary>Service id.</summary>
    public required string Service { get; init; }

    /// <summary>The month, "yyyy-MM".</summary>
    public required string Month { get; init; }

    /// <summary>Local midnight of the first day.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Local midnight of the first day of the next month (exclusive).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>When it was computed; later time of an open month is <see cref="TimelineKind.Future"/>.</summary>
    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>Whether the month is over at <see cref="ComputedAt"/>.</summary>
    public required bool Complete { get; init; }

    /// <summary>The staleness limit applied to the service's checks, in seconds.</summary>
    public required double StalenessLimitSeconds { get; init; }

    /// <summary>
    /// The unknown-time policy of the service's contracts in the month; when they disagree (or there is none), the
    /// default: unknown counts as down.
    /// </summary>
    public required bool UnknownCountsAsDown { get; init; }

    /// <summary>Seconds per kind.</summary>
    public required TimelineTotals Totals { get; init; }

    /// <summary>up / (up + down [+ unknown]) × 100 from <see cref="Totals"/>, exact; null when nothing counts.</summary>
    public required decimal? ExactAvailability { get; init; }

    /// <summary>The same to 3 decimals, truncated as in the SLA report.</summary>
    public required decimal? Availability { get; init; }

    /// <summary>
    /// The relative URL of a service's timeline for a month, as the SLA report links it
    /// (<c>/api/v1/availability/mail/timeline?month=2026-04</c>).
    /// </summary>
    public static string RelativeUrl(string serviceId, MonthPeriod month) =>
        $"/api/v1/availability/{Uri.EscapeDataString(serviceId)}/timeline?month={month}";

    /// <summary>Contiguous segments from <see cref="From"/> to <see cref="To"/>.</summary>
    public required IReadOnlyList<TimelineSegment> Segments { get; init; }
}
