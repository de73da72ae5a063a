namespace Chezlepro.Collector.Storage.Formats;

/// <summary>One contract of a <see cref="StoredSlaReportV1"/>: the figures as billed.</summary>
public sealed record StoredContractSlaV1
{
    /// <summary>Contract id.</summary>
    public required string ContractId { get; init; }

    /// <summary>Client name.</summary>
    public required string Client { get; init; }

    /// <summary>Start of the measured period.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Exclusive end of the measured period.</summary>
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

    /// <summary>Exact availability in %, or null when nothing was measured.</summary>
    public decimal? ExactAvailability { get; init; }

    /// <summary>Availability to 3 decimals (truncated), or null.</summary>
    public decimal? Availability { get; init; }

    /// <summary>Points below the objective.</summary>
    public required decimal Shortfall { get; init; }

    /// <summary>Started tranches.</summary>
    public required int Tranches { get; init; }

    /// <summary>Credit in % of the monthly fee.</summary>
    public required decimal CreditPercent { get; init; }

    /// <summary>Whether the cap applied.</summary>
    public required bool Capped { get; init; }

    /// <summary>Monthly fee.</summary>
    public required decimal MonthlyFee { get; init; }

    /// <summary>Credit amount.</summary>
    public required decimal CreditAmount { get; init; }

    /// <summary>Currency code.</summary>
    public required string Currency { get; init; }

    /// <summary>Per service: figures and the spans that cost availability.</summary>
    public required IReadOnlyList<StoredServiceSlaLineV1> Services { get; init; }

    /// <summary>The explanation, French.</summary>
    public required string SummaryFr { get; init; }

    /// <summary>The explanation, English.</summary>
    public required string SummaryEn { get; init; }
}
