using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Diagnostics;

/// <summary>Every log message of the agent core. Ids: 1xxx scheduling, 2xxx outbox, 3xxx forwarding, 9xxx status page.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Source {SourceName} ({SourceType}) polls every {Interval}")]
    public static partial void SourceStarted(ILogger logger, string sourceName, string sourceType, TimeSpan interval);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Source {SourceName} failed after {DurationMs} ms: {Error}")]
    public static partial void SourceFailed(ILogger logger, string sourceName, long durationMs, string error);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Source {SourceName} still failing ({Failures} in a row): {Error}")]
    public static partial void SourceStillFailing(ILogger logger, string sourceName, long failures, string error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Source {SourceName} recovered after {Failures} failures")]
    public static partial void SourceRecovered(ILogger logger, string sourceName, long failures);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Source {SourceName} overran its interval of {Interval} and was cancelled")]
    public static partial void SourceOverran(ILogger logger, string sourceName, TimeSpan interval);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Source {SourceName} polled in {DurationMs} ms: {Messages} messages")]
    public static partial void SourcePolled(ILogger logger, string sourceName, long durationMs, int messages);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Outbox {Path} open (schema {Version}), {Depth} waiting, next seq {NextSeq}")]
    public static partial void OutboxOpened(ILogger logger, string path, int version, long depth, long nextSeq);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Outbox evicted {Rows} rows ({Bytes} bytes remain)")]
    public static partial void OutboxEvicted(ILogger logger, int rows, long bytes);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Connected to the broker (session {Session}, session present {SessionPresent})")]
    public static partial void Connected(ILogger logger, long session, bool sessionPresent);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Broker connection lost: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Drained {Count} messages up to seq {LastSeq}")]
    public static partial void Drained(ILogger logger, int count, long lastSeq);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Publishing stopped at seq {Seq}: {Error}")]
    public static partial void PublishFailed(ILogger logger, long seq, string error);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "The broker refused the connection: {Error}")]
    public static partial void ConnectRefused(ILogger logger, string error);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Published shutdown status (session {Session})")]
    public static partial void ShutdownPublished(ILogger logger, long session);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Could not publish the shutdown status: {Error}")]
    public static partial void ShutdownPublishFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "Forwarded {Count} messages up to seq {LastSeq}")]
    public static partial void Forwarded(ILogger logger, int count, long lastSeq);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Birth publish failed: {Error}")]
    public static partial void BirthFailed(ILogger logger, string error);
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Status page listening on http://{Endpoint}")]
    public static partial void StatusPageListening(ILogger logger, System.Net.EndPoint? endpoint);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Debug, Message = "Status page refused a request from {Remote}: {Reason}")]
    public static partial void StatusPageBadRequest(ILogger logger, System.Net.EndPoint? remote, string reason);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Debug, Message = "Status page request from {Remote} not received in time")]
    public static partial void StatusPageRequestTimedOut(ILogger logger, System.Net.EndPoint? remote);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Error, Message = "Status page request failed")]
    public static partial void StatusPageRequestFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "Status page accept failed: {Error}")]
    public static partial void StatusPageAcceptFailed(ILogger logger, string error);
}
