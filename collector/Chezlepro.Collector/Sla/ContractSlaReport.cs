namespace Chezlepro.Collector.Sla;

/// <summary>
/// A contract's month: availability pooled over its services (service-seconds up / service-seconds counted, i.e.
/// the time-weighted mean of its services), shortfall, started tranches, credit % and amount.
/// </summary>
public sealed record ContractSlaReport
{
    /// <summary>Contract id.</summary>
    public required string ContractId { get; init; }

    /// <summary>Client name.</summary>
    public required string Client { get; init; }

    /// <summary>Start of the measured period (month start, or contract start when later).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Exclusive end of the measured period (month end, contract end or now, whichever first).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Objective in %.</summary>
    public required decimal Objective { get; init; }

    /// <summary>Unknown-time policy applied.</summary>
    public required bool UnknownCountsAsDown { get; init; }

    /// <summary>Seconds up, summed over services.</summary>
    public required double UpSeconds { get; init; }

    /// <summary>Seconds down, summed over services.</summary>
    public required double DownSeconds { get; init; }

    /// <summary>Seconds unknown, summed over services.</summary>
    public required double UnknownSeconds { get; init; }

    /// <summary>Seconds excluded by maintenance, summed over services.</summary>
    public required double ExcludedSeconds { get; init; }

    /// <summary>Exact availability in % (null: nothing measured, e.g. the contract had not started).</summary>
    public required decimal? ExactAvailability { get; init; }

    /// <summary>Availability to 3 decimals (truncated), or null.</summary>
    public required decimal? Availability { get; init; }

    /// <summary>Points below the objective (from the exact ratio).</summary>
    public required decimal Shortfall { get; init; }

    /// <summary>Started tranches.</summary>
    public required int Tranches { get; init; }

    /// <summary>Credit in % of the monthly fee, capped.</summary>
    public required decimal CreditPercent { get; init; }

    /// <summary>Whether the cap applied.</summary>
    public required bool Capped { get; init; }

    /// <summary>Monthly fee.</summary>
    public required decimal MonthlyFee { get; init; }

    /// <summary>Credit amount in <see cref="Currency"/>, to the cent.</summary>
    public required decimal CreditAmount { get; init; }

    /// <summary>Currency code.</summary>
    public required string Currency { get; init; }

    /// <summary>Per service: figures and the spans that cost availability.</summary>
    public required IReadOnlyList<ServiceSlaLine> Services { get; init; }

    /// <summary>One-sentence explanation, French (shown first to clients).</summary>
    public required string SummaryFr { get; init; }

    /// <summary>The same sentence in English.</summary>
    public required string SummaryEn { get; init; }
}
