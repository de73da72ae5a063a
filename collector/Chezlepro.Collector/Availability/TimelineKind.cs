using System.Text.Json.Serialization;

namespace Chezlepro.Collector.Availability;

/// <summary>What a segment of a service's monthly timeline is (contract.md, <c>/availability/{service}/timeline</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimelineKind>))]
public enum TimelineKind
{
    /// <summary>Every defining check ok or warning, and fresh: counts as up.</summary>
    [JsonStringEnumMemberName("up")]
    Up,

    /// <summary>At least one defining check critical: counts as down.</summary>
    [JsonStringEnumMemberName("down")]
    Down,

    /// <summary>No check critical, but one unknown, stale or without data: down or not by the contract's policy.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>Inside an announced maintenance window: out of both sides of the ratio.</summary>
    [JsonStringEnumMemberName("excluded")]
    Excluded,

    /// <summary>Not covered by any contract of the service: out of both sides of the ratio.</summary>
    [JsonStringEnumMemberName("outside-contract")]
    OutsideContract,

    /// <summary>After the computation time in a month not over yet: not measured, out of the ratio.</summary>
    [JsonStringEnumMemberName("future")]
    Future,
}
