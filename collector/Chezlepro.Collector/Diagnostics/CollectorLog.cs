using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Diagnostics;

/// <summary>Every log message of the collector core (8xxx).</summary>
internal static partial class CollectorLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Dropped a message on {Topic}: {Cause} ({Reason}); further drops for this cause are counted, not logged")]
    public static partial void FirstReject(ILogger logger, string topic, string cause, string reason);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Debug, Message = "Dropped a message on {Topic}: {Cause} ({Reason})")]
    public static partial void Reject(ILogger logger, string topic, string cause, string reason);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Node {Site}/{Node} is {State} (session {Session}, reason {Reason})")]
    public static partial void NodeStatus(ILogger logger, string site, string node, string state, long session, string? reason);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Information, Message = "Ignored a stale status of {Site}/{Node} (session {Session})")]
    public static partial void StaleStatus(ILogger logger, string site, string node, long session);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Information, Message = "Collector connected to the broker (session present {SessionPresent})")]
    public static partial void Connected(ILogger logger, bool sessionPresent);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Warning, Message = "Collector lost the broker: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Error, Message = "The collector cannot connect to the broker (retrying with backoff): {Error}")]
    public static partial void ConnectRefused(ILogger logger, string error);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Error, Message = "Storing a message on {Topic} failed: {Error}")]
    public static partial void StoreFailed(ILogger logger, string topic, string error);

    [LoggerMessage(EventId = 8009, Level = LogLevel.Information, Message = "Collector store {Store} ready")]
    public static partial void StoreReady(ILogger logger, string store);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Error, Message = "Collector loop {Loop} failed, retrying at its next round: {Error}")]
    public static partial void LoopFailed(ILogger logger, string loop, string error);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Critical, Message = "The collector did not start: {Error}; exiting with code {ExitCode}")]
    public static partial void StartFailed(ILogger logger, string error, int exitCode);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Critical, Message = "Background service {Service} failed and stopped the collector; exiting with code {ExitCode} so the service manager restarts it")]
    public static partial void ServiceFaulted(ILogger logger, string service, int exitCode);
}
