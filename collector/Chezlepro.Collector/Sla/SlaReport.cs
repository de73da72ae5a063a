namespace Chezlepro.Collector.Sla;

/// <summary>The monthly SLA report of every contract.</summary>
public sealed record SlaReport
{
    /// <summary>The month, "yyyy-MM".</summary>
    public required string Month { get; init; }

    /// <summary>Local midnight of the first day (America/Toronto).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Local midnight of the first day of the next month.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>When the report was computed; for an open month it covers time up to here only.</summary>
    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>Whether the month is over at <see cref="ComputedAt"/> (the figures are final unless late data arrives).</summary>
    public required bool Complete { get; init; }

    /// <summary>One report per contract active during the month.</summary>
    public required IReadOnlyList<ContractSlaReport> Contracts { get; init; }
}
