namespace Chezlepro.Collector.Storage.Formats;

/// <summary>
/// A closed month's report as <c>closed_months.report</c> keeps it, version 1: the shape the API's <c>SlaReport</c>
/// had when reports were first frozen, now a type of its own so that a change to the API cannot alter how a billed
/// month reads back. Reports frozen before the version field existed have this shape and read as version 1.
/// </summary>
public sealed record StoredSlaReportV1
{
    /// <summary>The format version this type reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Format version; absent in reports frozen before it existed, which read as 1.</summary>
    /// <remarks>A setter, not <c>init</c>: generated JSON code would turn a missing init-only value into 0.</remarks>
    public int Version { get; set; } = CurrentVersion;

    /// <summary>The month, <c>yyyy-MM</c>.</summary>
    public required string Month { get; init; }

    /// <summary>Local midnight of the first day (America/Toronto).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Local midnight of the first day of the next month.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>When the report was computed.</summary>
    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>Whether the month was over when computed.</summary>
    public required bool Complete { get; init; }

    /// <summary>One entry per contract active during the month.</summary>
    public required IReadOnlyList<StoredContractSlaV1> Contracts { get; init; }
}
