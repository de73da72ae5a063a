namespace Chezlepro.Collector.Availability;

/// <summary>What one check says about its service at an instant.</summary>
internal enum CheckCondition
{
    Ok,
    Critical,
    Unknown,
}

/// <summary>A span of one check's condition.</summary>
internal readonly record struct CheckSegment(DateTimeOffset From, DateTimeOffset To, CheckCondition Condition);
