namespace Chezlepro.Agent.StatusPage;

/// <summary>One source on the status page.</summary>
/// <param name="Name">Source name.</param>
/// <param name="Type">Source type.</param>
/// <param name="Successes">Polls that succeeded.</param>
/// <param name="Failures">Polls that failed.</param>
/// <param name="ConsecutiveFailures">Failures since the last success.</param>
/// <param name="LastSuccessAt">When the last successful poll ended.</param>
/// <param name="LastDurationMs">Duration of the last poll.</param>
/// <param name="LastError">The last error in words (sources write these without secrets).</param>
/// <param name="IntervalSeconds">Poll interval.</param>
/// <param name="LastPollAt">When the last poll ended, successful or not.</param>
public sealed record SourceSnapshot(string Name, string Type, long Successes, long Failures, long ConsecutiveFailures,
    DateTimeOffset? LastSuccessAt, double LastDurationMs, string? LastError, double IntervalSeconds = 0, DateTimeOffset? LastPollAt = null);
