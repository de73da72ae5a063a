using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, one connection guarded by a lock (SQLite has one
/// writer anyway, and ingest is a single ordered stream).
/// </summary>
public sealed partial class SqliteCollectorStore : ICollectorStore
{
    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;

    /// <summary>Creates the store on a file (<see cref="SqliteStorage"/> names it); nothing opened yet.</summary>
    public SqliteCollectorStore(string path) => _path = path;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        c.Open();
        _connection = c;
        Exec(c, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        var version = Convert.ToInt32(Scalar(c, null, "PRAGMA user_version;"));
        if (version > SqliteMigrations.Steps.Length)
        {
            _connection = null;
            c.Dispose();
            throw new InvalidOperationException($"Store '{_path}' has schema version {version}; this collector knows {SqliteMigrations.Steps.Length}.");
        }
        for (var v = version; v < SqliteMigrations.Steps.Length; v++)
        {
            using var tx = c.BeginTransaction();
            Exec(c, tx, SqliteMigrations.Steps[v]);
            Exec(c, tx, $"PRAGMA user_version={v + 1};");
            tx.Commit();
        }
        Exec(c, null, SqliteCheckDaySchema.Sql);
        // The migration that introduced the order-independent fold asks for one rebuild from the stored results.
        return RebuildPending() ? RebuildIntervalsAsync(cancellationToken) : Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var cmd in _prepared.Values) cmd.Dispose();
            _prepared.Clear();
            _connection?.Dispose();
            _connection = null;
        }
        return ValueTask.CompletedTask;
    }

    private SqliteConnection Connection => _connection ?? throw new InvalidOperationException("Store not initialised.");

    private static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private int Exec(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args) =>
        Cached(c, tx, sql, args).ExecuteNonQuery();

    private object? Scalar(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args) =>
        Cached(c, tx, sql, args).ExecuteScalar();

    // Ingest runs the same few statements for every message: keeping each prepared (one connection, used under
    // the lock) saves SQLite from compiling them again, which was most of the per-message cost.
    private SqliteCommand Cached(SqliteConnection c, SqliteTransaction? tx, string sql, (string Name, object? Value)[] args)
    {
        if (!ReferenceEquals(c, _connection)) return Command(c, tx, sql, args);
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = c.CreateCommand();
            cmd.CommandText = sql;
            _prepared[sql] = cmd;
        }
        cmd.Transaction = tx;
        cmd.Parameters.Clear();
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }
}
