namespace Chezlepro.Collector.Storage.Formats;

/// <summary>
/// A service's availability in a <see cref="StoredServiceSlaLineV1"/>. The seconds are the figures (whole ticks, as
/// double seconds: a month of ticks is well inside a double's exact range); the percentages are kept for readers of
/// the database and follow from the seconds.
/// </summary>
public sealed record StoredServiceAvailabilityV1
{
    /// <summary>Service id.</summary>
    public required string ServiceId { get; init; }

    /// <summary>Start of the measured period.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Exclusive end of the measured period.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Whether unknown time counted as down.</summary>
    public required bool UnknownCountsAsDown { get; init; }

    /// <summary>Seconds up.</summary>
    public required double UpSeconds { get; init; }

    /// <summary>Seconds down.</summary>
    public required double DownSeconds { get; init; }

    /// <summary>Seconds unknown.</summary>
    public required double UnknownSeconds { get; init; }

    /// <summary>Seconds excluded by maintenance.</summary>
    public required double ExcludedSeconds { get; init; }

    /// <summary>Exact availability in %, or null.</summary>
    public decimal? Exact { get; init; }

    /// <summary>Availability to 3 decimals, or null.</summary>
    public decimal? Percent { get; init; }

    /// <summary>The down and unknown spans with their causes.</summary>
    public required IReadOnlyList<StoredAvailabilityIntervalV1> Intervals { get; init; }
}
