using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Storage.Sqlite;

namespace Chezlepro.Collector.Storage;

/// <summary>The evidence store of the backend <c>Collector:Store</c> names.</summary>
public static class EvidenceStores
{
    /// <summary>SQLite: its own file <c>evidence.db</c> (like the failover log, never rebuilt); PostgreSQL: the shared database.</summary>
    public static IEvidenceStore Create(CollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.StoreKind == StoreKind.Postgres
            ? new PostgresEvidenceStore(options.ConnectionString ?? throw new InvalidOperationException("Collector:ConnectionString is required for postgres."))
            : new SqliteEvidenceStore(Path.Combine(options.DataDirectory, "evidence.db"));
    }
}
