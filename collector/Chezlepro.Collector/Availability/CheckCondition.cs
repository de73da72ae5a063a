using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Availability;

/// <summary>What one check says about its service at an instant.</summary>
internal enum CheckCondition
{
    Ok,
    Critical,
    Unknown,
}

/// <summary>Where a check's condition comes from: what it reported, its silence past the staleness limit, or no row at all.</summary>
internal enum CheckEvidence
{
    Reported,
    Stale,
    NoData,
}

/// <summary>
/// A span of one check's condition. <paramref name="Status"/> and <paramref name="LastSeen"/> are those of the state
/// interval behind it (null for <see cref="CheckEvidence.NoData"/>): the timeline explanation names them as causes.
/// </summary>
internal readonly record struct CheckSegment(
    DateTimeOffset From,
    DateTimeOffset To,
    CheckCondition Condition,
    CheckEvidence Evidence = CheckEvidence.NoData,
    HealthStatus? Status = null,
    DateTimeOffset? LastSeen = null);
