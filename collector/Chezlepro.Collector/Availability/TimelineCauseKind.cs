using System.Text.Json.Serialization;

namespace Chezlepro.Collector.Availability;

/// <summary>Why a timeline segment has its kind.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimelineCauseKind>))]
public enum TimelineCauseKind
{
    /// <summary>A defining check reported <c>critical</c> (a down segment).</summary>
    [JsonStringEnumMemberName("critical")]
    Critical,

    /// <summary>A defining check reported <c>unknown</c>.</summary>
    [JsonStringEnumMemberName("unknown")]
    ReportedUnknown,

    /// <summary>A defining check sent no result for longer than the staleness limit ("no result since").</summary>
    [JsonStringEnumMemberName("stale")]
    Stale,

    /// <summary>No state of the check is known at all for that time.</summary>
    [JsonStringEnumMemberName("no-data")]
    NoData,

    /// <summary>An announced maintenance window covering the service.</summary>
    [JsonStringEnumMemberName("maintenance")]
    Maintenance,

    /// <summary>No contract of the service covers that time.</summary>
    [JsonStringEnumMemberName("no-contract")]
    NoContract,

    /// <summary>
    /// The check's results of that time were evicted by the node's agent before any collector had them (its outbox bound,
    /// <c>bytes</c> or <c>age</c>): the unknown is explained by a gaps notice.
    /// </summary>
    [JsonStringEnumMemberName("evicted")]
    Evicted,

    /// <summary>The time is after the computation.</summary>
    [JsonStringEnumMemberName("not-yet")]
    NotYet,
}
