using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Hosting;

// 11xx: service-manager integration and the process's own life, beside the scheduling range.
internal static partial class HostingLog
{
    // The reason only: the host has already logged the exception with its stack trace ("Hosting failed to start").
    [LoggerMessage(EventId = 1111, Level = LogLevel.Critical, Message = "The agent could not start or run ({ErrorType}: {Error}); exit code {ExitCode}")]
    public static partial void Fatal(ILogger logger, string errorType, string error, int exitCode);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Error, Message = "{Service} failed and stopped the agent; exit code {ExitCode} so that the service manager restarts it")]
    public static partial void ServiceFailed(ILogger logger, string service, int exitCode);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Information, Message = "Start-up over: heap compacted, {CommittedBeforeKb} KiB committed before, {CommittedAfterKb} KiB after")]
    public static partial void HeapTrimmed(ILogger logger, long committedBeforeKb, long committedAfterKb);
}
