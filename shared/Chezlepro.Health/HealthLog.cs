using Chezlepro.Health.Http;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Health;

/// <summary>Every log message of the health clients and sources (event ids 7xxx). No secret is ever a parameter.</summary>
public static partial class HealthLog
{
    /// <summary>An API call answered.</summary>
    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "API call {Endpoint} answered in {DurationMs} ms")]
    public static partial void ApiCallSucceeded(ILogger logger, string endpoint, double durationMs);

    /// <summary>A base URL failed; the next one is tried.</summary>
    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Endpoint {Authority} failed for {Path} ({Kind}); trying the next base URL")]
    public static partial void EndpointFailedTryingNext(ILogger logger, string authority, string path, ApiFailureKind kind);

    /// <summary>A read of a source failed as a whole; its checks report unknown.</summary>
    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Health source {SourceName} could not read: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string sourceName, string reason);

    /// <summary>An optional part of a read failed; the rest is reported.</summary>
    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Health source {SourceName} partial read ({Kind}): {Reason}")]
    public static partial void PartialRead(ILogger logger, string sourceName, ApiFailureKind kind, string reason);

    /// <summary>A check changed status.</summary>
    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Check {Check} is now {Status}: {Summary}")]
    public static partial void CheckStatusChanged(ILogger logger, string check, string status, string summary);

    /// <summary>A probe attempt failed.</summary>
    [LoggerMessage(EventId = 7006, Level = LogLevel.Debug, Message = "Probe {ProbeName} failed ({ConsecutiveFailures} in a row): {Reason}")]
    public static partial void ProbeFailed(ILogger logger, string probeName, int consecutiveFailures, string reason);

    /// <summary>The ceph CLI failed.</summary>
    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "ceph command exited with {ExitCode}: {Reason}")]
    public static partial void CephCommandFailed(ILogger logger, int exitCode, string reason);
}
