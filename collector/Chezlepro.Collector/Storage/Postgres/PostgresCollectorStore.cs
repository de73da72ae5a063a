using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// The scale-out store (<c>Collector:Store = postgres</c>): the same tables and rules as SQLite, safe for
/// several collectors (per-check folding is serialised with a transaction-scoped advisory lock).
/// </summary>
public sealed partial class PostgresCollectorStore : ICollectorStore
{
    // Migrations from several collectors starting together are serialised on this lock key.
    private const long MigrationLock = 0x43484c5052; // "CHLPR"

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private NpgsqlDataSource? _dataSource;

    /// <summary>Creates the store on a connection string; nothing opened yet.</summary>
    public PostgresCollectorStore(string connectionString, ILogger<PostgresCollectorStore>? logger = null)
    {
        _connectionString = connectionString;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _dataSource = CreateDataSource(_connectionString);
        await using var c = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await ExecAsync(c, tx, "SELECT pg_advisory_xact_lock($1);", cancellationToken, MigrationLock);
        await ExecAsync(c, tx, "CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL);", cancellationToken);
        var version = Convert.ToInt32(await ScalarAsync(c, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken));
        if (version > PostgresMigrations.Steps.Length)
            throw new InvalidOperationException($"Database has schema version {version}; this collector knows {PostgresMigrations.Steps.Length}.");
        for (var v = version; v < PostgresMigrations.Steps.Length; v++)
        {
            await ExecAsync(c, tx, PostgresMigrations.Steps[v], cancellationToken);
            await ExecAsync(c, tx, "INSERT INTO schema_version(version) VALUES ($1);", cancellationToken, v + 1);
        }
        await ExecAsync(c, tx, PostgresCheckDaySchema.Sql, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        // The migration that introduced the order-independent fold asks for one rebuild from the stored results.
        if (await RebuildPendingAsync(cancellationToken)) await RebuildIntervalsAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        _dataSource = null;
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        IngestConnectionSettings.Apply(builder.ConnectionStringBuilder);
        return builder.Build();
    }

    private NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Store not initialised.");

    private static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static async Task<int> ExecAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(c, tx, sql, args);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(c, tx, sql, args);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, object?[] args)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return cmd;
    }
}
