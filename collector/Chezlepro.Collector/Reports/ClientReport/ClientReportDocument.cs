using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Rpo;
using Chezlepro.Collector.Sla;

namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>
/// Everything one contract's monthly report shows, independent of language. The figures are the SLA report's own
/// (<see cref="Sla"/>, frozen when the month is closed), so the document cannot disagree with the JSON or CSV.
/// </summary>
public sealed record ClientReportDocument
{
    /// <summary>The month.</summary>
    public required MonthPeriod Month { get; init; }

    /// <summary>The contract's line of the month's SLA report: availability, seconds, shortfall, tranches, credit.</summary>
    public required ContractSlaReport Sla { get; init; }

    /// <summary>When the SLA report was computed (the close, for a closed month).</summary>
    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>Whether the month was over when the SLA report was computed.</summary>
    public required bool Complete { get; init; }

    /// <summary>Whether the month is closed (its report frozen).</summary>
    public required bool Closed { get; init; }

    /// <summary>SHA-256 of the month's SLA report (<see cref="SlaReportFingerprint"/>); for a closed month, the frozen report's.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The contract's credit rule, or null when the catalog no longer has the contract (the figures still stand).</summary>
    public required CreditRule? Rule { get; init; }

    /// <summary>Down, unknown and maintenance periods of the contract's services, in time order.</summary>
    public required IReadOnlyList<ReportPeriod> Periods { get; init; }

    /// <summary>
    /// Whether the periods (computed now from the stored intervals) add up to the SLA report's seconds. False when
    /// late data reached a closed month after its close: the frozen figures stand and the document says so.
    /// </summary>
    public required bool PeriodsMatchFigures { get; init; }

    /// <summary>Incidents of the contract's services detected in the month.</summary>
    public required IReadOnlyList<ReportIncident> Incidents { get; init; }

    /// <summary>Counts, MTTA and MTTR of those incidents.</summary>
    public required IncidentMonthStatistics IncidentFigures { get; init; }

    /// <summary>RPO of the guests of the contract's services: status at the end of the month (or now) and the month's breaches.</summary>
    public required IReadOnlyList<GuestRpo> Guests { get; init; }
}
