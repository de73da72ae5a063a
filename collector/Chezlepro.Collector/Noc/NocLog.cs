using Chezlepro.Contracts.Messages;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Noc;

/// <summary>Log messages of the NOC stream (8450-8499, the ids they had under failover).</summary>
internal static partial class NocLog
{
    [LoggerMessage(EventId = 8450, Level = LogLevel.Warning, Message = "Publishing NOC alert {Id} failed, kept for the next round: {Error}")]
    public static partial void PublishFailed(ILogger logger, string id, string error);

    [LoggerMessage(EventId = 8451, Level = LogLevel.Information, Message = "NOC alert {Id} {State} ({Priority})")]
    public static partial void Published(ILogger logger, string id, AlertState state, Priority priority);
}
