using Chezlepro.Collector.Options;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// The PostgreSQL home: one shared database for every collector, the audit log fenced on the leadership lock so that
/// only the collector holding it can write a decision.
/// </summary>
public static class PostgresStorage
{
    /// <summary>Creates the backend; nothing is opened until each part's <c>InitializeAsync</c> or first round.</summary>
    public static StorageBackend Create(CollectorOptions options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.ConnectionString ?? throw new InvalidOperationException("Collector:ConnectionString is required for postgres.");
        var leadership = new PostgresLeadership(connectionString, loggers.CreateLogger<PostgresLeadership>());
        return new StorageBackend(new PostgresCollectorStore(connectionString, loggers.CreateLogger<PostgresCollectorStore>()), new PostgresFailoverAuditLog(connectionString, leadership), leadership);
    }
}
