using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>Structured logs of the restore test. No secret reaches them: the token secret goes to the client's environment only.</summary>
internal static partial class RestoreTestLog
{
    [LoggerMessage(EventId = 8601, Level = LogLevel.Information, Message = "Restore test {SourceName}: next run at {DueAt}")]
    public static partial void Scheduled(ILogger logger, string sourceName, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 8602, Level = LogLevel.Information, Message = "Restore test {Check} of {Snapshot} {Archive}: {Outcome}, {Bytes} bytes in {DurationSeconds} s")]
    public static partial void Finished(ILogger logger, string check, string? snapshot, string archive, string outcome, long bytes, double durationSeconds);

    [LoggerMessage(EventId = 8603, Level = LogLevel.Warning, Message = "Restore test {Check} did not pass ({Outcome}): {Reason}")]
    public static partial void NotPassed(ILogger logger, string check, string outcome, string reason);

    [LoggerMessage(EventId = 8604, Level = LogLevel.Warning, Message = "Restore test state {Path} unreadable, starting afresh: {Error}")]
    public static partial void StateUnreadable(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 8605, Level = LogLevel.Warning, Message = "Restore test state {Path} not saved: {Error}")]
    public static partial void StateNotSaved(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 8606, Level = LogLevel.Warning, Message = "Restore test scratch directory {Path} not emptied: {Error}")]
    public static partial void ScratchNotEmptied(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 8607, Level = LogLevel.Error, Message = "Restore test run {SourceName} stopped on an unexpected error: {Error}")]
    public static partial void RunCrashed(ILogger logger, string sourceName, string error);
}
