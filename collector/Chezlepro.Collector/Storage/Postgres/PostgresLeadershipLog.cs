using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>Log messages of the PostgreSQL leadership lock (event ids kept from when failover owned it).</summary>
internal static partial class PostgresLeadershipLog
{
    [LoggerMessage(EventId = 8407, Level = LogLevel.Warning, Message = "This collector now decides failovers (advisory lock taken)")]
    public static partial void LeadershipTaken(ILogger logger);

    [LoggerMessage(EventId = 8408, Level = LogLevel.Warning, Message = "This collector no longer decides failovers; it follows the shared audit log")]
    public static partial void LeadershipLost(ILogger logger);

    [LoggerMessage(EventId = 8409, Level = LogLevel.Warning, Message = "Failover leadership connection failed: {Error}")]
    public static partial void LeadershipConnectionLost(ILogger logger, string error);
}
