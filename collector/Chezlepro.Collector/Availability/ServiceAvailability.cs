using System.Text.Json.Serialization;

namespace Chezlepro.Collector.Availability;

/// <summary>
/// A service's availability over a period, with the spans that explain it. Serialized as JSON it carries seconds,
/// the exact and shown percentages and the down/unknown intervals; the full timeline stays out of the payload.
/// </summary>
public sealed record ServiceAvailability
{
    /// <summary>Service id.</summary>
    public required string ServiceId { get; init; }

    /// <summary>Start of the measured period.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Exclusive end of the measured period (never after "now").</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Whether unknown time was counted as down.</summary>
    public required bool UnknownCountsAsDown { get; init; }

    /// <summary>Time up.</summary>
    [JsonIgnore]
    public TimeSpan Up { get; init; }

    /// <summary>Time down.</summary>
    [JsonIgnore]
    public TimeSpan Down { get; init; }

    /// <summary>Time unknown (reported on its own line whatever the policy).</summary>
    [JsonIgnore]
    public TimeSpan Unknown { get; init; }

    /// <summary>Time inside announced maintenance windows.</summary>
    [JsonIgnore]
    public TimeSpan Excluded { get; init; }

    /// <summary>Up seconds.</summary>
    public double UpSeconds => Up.TotalSeconds;

    /// <summary>Down seconds.</summary>
    public double DownSeconds => Down.TotalSeconds;

    /// <summary>Unknown seconds.</summary>
    public double UnknownSeconds => Unknown.TotalSeconds;

    /// <summary>Excluded seconds.</summary>
    public double ExcludedSeconds => Excluded.TotalSeconds;

    /// <summary>The denominator: up + down (+ unknown when it counts as down).</summary>
    [JsonIgnore]
    public TimeSpan Counted => Up + Down + (UnknownCountsAsDown ? Unknown : TimeSpan.Zero);

    /// <summary>Exact availability in %, or null when no time counts.</summary>
    public decimal? Exact => AvailabilityRatio.Percent(Up, Counted);

    /// <summary>Availability in % to 3 decimals (truncated), or null.</summary>
    public decimal? Percent => Exact is { } e ? AvailabilityRatio.ForDisplay(e) : null;

    /// <summary>The down and unknown spans, each with the checks that caused it.</summary>
    public required IReadOnlyList<AvailabilityInterval> Intervals { get; init; }

    /// <summary>The whole timeline over the period, exclusions applied.</summary>
    [JsonIgnore]
    public IReadOnlyList<StateSegment> Segments { get; init; } = [];
}
