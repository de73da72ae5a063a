using Chezlepro.Collector.Options;

namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>The SQLite home: two files in <c>Collector:DataDirectory</c> and a collector that always leads.</summary>
public static class SqliteStorage
{
    /// <summary>Creates the backend; nothing is opened until each part's <c>InitializeAsync</c>.</summary>
    public static StorageBackend Create(CollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The audit log has a file of its own: the collector store can be rebuilt or replaced, the log never.
        return new StorageBackend(
            new SqliteCollectorStore(Path.Combine(options.DataDirectory, "collector.db")),
            new SqliteFailoverAuditLog(Path.Combine(options.DataDirectory, "failover.db")),
            new SqliteLeadership());
    }
}
