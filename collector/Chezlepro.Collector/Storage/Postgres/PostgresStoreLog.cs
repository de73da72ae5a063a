using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>Log messages of the PostgreSQL collector store.</summary>
internal static partial class PostgresStoreLog
{
    [LoggerMessage(EventId = 8420, Level = LogLevel.Warning, Message = "A batch of {Count} messages met a stored key the delivery state did not account for ({Constraint}); stored again with the duplicate guard. Every stored seq should be at or below its node's watermark or pending: check for writes to messages outside the collector")]
    public static partial void UnaccountedDuplicate(ILogger logger, int count, string constraint);
}
