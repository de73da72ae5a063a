using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Alerts;

/// <summary>Log messages of the power sources (device range 6xxx, 61xx for the agent side).</summary>
internal static partial class AlertsLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Power source {SourceName} poll failed ({Failures} in a row): {Reason}")]
    internal static partial void PollFailed(ILogger logger, string sourceName, int failures, string reason);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Power source {SourceName} alert {AlertId} {State}")]
    internal static partial void AlertTransition(ILogger logger, string sourceName, string alertId, string state);
}
