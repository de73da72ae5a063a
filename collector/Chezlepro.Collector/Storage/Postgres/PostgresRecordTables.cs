using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// Tables of records a component creates itself (notices, DR tests) in the shared database: schema applied once on
/// first use, under an advisory lock so collectors starting together do not race on it.
/// </summary>
internal sealed class PostgresRecordTables : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly long _schemaLock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    public PostgresRecordTables(string connectionString, string schema, long schemaLock)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _schema = schema;
        _schemaLock = schemaLock;
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (!_ready)
                {
                    await using var c = await _dataSource.OpenConnectionAsync(cancellationToken);
                    await using var tx = await c.BeginTransactionAsync(cancellationToken);
                    await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({_schemaLock});", c, tx))
                        await lockCmd.ExecuteNonQueryAsync(cancellationToken);
                    await using (var cmd = new NpgsqlCommand(_schema, c, tx))
                        await cmd.ExecuteNonQueryAsync(cancellationToken);
                    await tx.CommitAsync(cancellationToken);
                    _ready = true;
                }
            }
            finally
            {
                _gate.Release();
            }
        }
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _gate.Dispose();
    }
}
