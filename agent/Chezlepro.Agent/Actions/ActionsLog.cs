using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Actions;

/// <summary>Log messages of the local actions (range 62xx).</summary>
internal static partial class ActionsLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Local action {ActionName}: condition holds on {SourceName}, runs in {Hold} unless it breaks")]
    internal static partial void HoldStarted(ILogger logger, string actionName, string sourceName, TimeSpan hold);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information, Message = "Local action {ActionName}: condition broke before the hold ended; not run")]
    internal static partial void Cancelled(ILogger logger, string actionName);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "Local action {ActionName}: running {Command} with {ArgumentCount} argument(s), timeout {Timeout}")]
    internal static partial void Running(ILogger logger, string actionName, string command, int argumentCount, TimeSpan timeout);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning, Message = "Local action {ActionName}: dry run, {Command} NOT run (set DryRun to false to run it)")]
    internal static partial void DryRun(ILogger logger, string actionName, string command);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Information, Message = "Local action {ActionName}: {Command} ended: {Result}")]
    internal static partial void Succeeded(ILogger logger, string actionName, string command, string result);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Error, Message = "Local action {ActionName}: {Command} failed: {Result}")]
    internal static partial void Failed(ILogger logger, string actionName, string command, string result);

    [LoggerMessage(EventId = 6207, Level = LogLevel.Information, Message = "Local action {ActionName}: grid back, armed for the next outage")]
    internal static partial void Rearmed(ILogger logger, string actionName);
}
