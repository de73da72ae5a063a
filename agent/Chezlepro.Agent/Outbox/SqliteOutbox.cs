using Chezlepro.Agent.Diagnostics;
using Chezlepro.Agent.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Outbox;

/// <summary>
/// The outbox in one SQLite file (WAL, synchronous FULL: a node on battery may lose power at any
/// moment, and a committed poll must survive it). The only type that touches Microsoft.Data.Sqlite.
/// </summary>
public sealed partial class SqliteOutbox : IOutbox, IAsyncDisposable
{
    /// <summary>Schema version this build writes.</summary>
    public const int SchemaVersion = 2;

    private readonly string _path;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteOutbox> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    /// <summary>Creates the outbox; nothing is opened until <see cref="InitializeAsync"/>.</summary>
    public SqliteOutbox(IOptions<AgentOptions> agent, IOptions<OutboxOptions> options, TimeProvider time, ILogger<SqliteOutbox> logger)
        : this(Path.Combine(agent.Value.DataDirectory, "outbox.db"), options.Value, time, logger)
    {
    }

    /// <summary>Creates an outbox on an explicit file.</summary>
    public SqliteOutbox(string path, OutboxOptions options, TimeProvider time, ILogger<SqliteOutbox> logger)
    {
        _path = path;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Path of the database file.</summary>
    public string DatabasePath => _path;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        // Before journal_mode and the first table: on a new file this is what makes free pages returnable.
        await ExecuteAsync(connection, "PRAGMA auto_vacuum=INCREMENTAL;", cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;", cancellationToken);
        var version = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken));
        if (version > SchemaVersion + 1)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"Outbox '{_path}' has schema version {version}; this agent reads up to {SchemaVersion + 1}. Upgrade the agent.");
        }
        var created = Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'meta';", cancellationToken)) == 0;
        await ExecuteAsync(connection, ReadSchema(), cancellationToken);
        await MarkFreshAsync(connection, created, cancellationToken);
        await MigrateAsync(connection, cancellationToken);
        if (version < SchemaVersion)
        {
            await ExecuteAsync(connection, $"PRAGMA user_version={SchemaVersion};", cancellationToken);
            version = SchemaVersion;
        }
        _connection = connection;
        var stats = await GetStatsAsync(cancellationToken);
        AgentLog.OutboxOpened(_logger, _path, version, stats.Depth, stats.NextSeq);
    }

    /// <inheritdoc />
    public async Task<long> NextSessionAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);
            var session = Convert.ToInt64(await ScalarAsync(Connection, "UPDATE meta SET value = value + 1 WHERE key = 'session' RETURNING value;", cancellationToken, tx));
            await tx.CommitAsync(cancellationToken);
            return session;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
        _gate.Dispose();
    }

    private SqliteConnection Connection => _connection ?? throw new InvalidOperationException("Outbox not initialised.");

    private static string ReadSchema()
    {
        using var stream = typeof(SqliteOutbox).Assembly.GetManifestResourceStream("Chezlepro.Agent.Outbox.Schema.sql")
            ?? throw new InvalidOperationException("Outbox schema resource missing.");
        return new StreamReader(stream).ReadToEnd();
    }

    private static async Task ExecuteAsync(SqliteConnection c, string sql, CancellationToken ct, SqliteTransaction? tx = null)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection c, string sql, CancellationToken ct, SqliteTransaction? tx = null)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return await cmd.ExecuteScalarAsync(ct);
    }
}
