using Chezlepro.Collector.RestoreTests;

namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>Restore tests in <c>Collector:DataDirectory/restoretests.db</c>, a table this store creates on first use; append-only (triggers).</summary>
public sealed class SqliteRestoreTestStore : IRestoreTestStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS restore_tests(
            test_key TEXT PRIMARY KEY, origin TEXT NOT NULL, client TEXT, guest TEXT NOT NULL, service TEXT, name TEXT, snapshot TEXT, archive TEXT,
            bytes INTEGER, duration_seconds REAL NOT NULL, outcome TEXT NOT NULL, started_at INTEGER NOT NULL, requested_at INTEGER,
            by_name TEXT, notes TEXT, sha256 TEXT, site TEXT, node TEXT);
        CREATE INDEX IF NOT EXISTS restore_tests_started ON restore_tests(started_at);
        CREATE INDEX IF NOT EXISTS restore_tests_requested ON restore_tests(requested_at) WHERE requested_at IS NOT NULL;
        CREATE TRIGGER IF NOT EXISTS restore_tests_no_update BEFORE UPDATE ON restore_tests BEGIN SELECT RAISE(ABORT, 'restore tests are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS restore_tests_no_delete BEFORE DELETE ON restore_tests BEGIN SELECT RAISE(ABORT, 'restore tests are append-only'); END;
        """;

    private readonly SqliteRecordFile _file;

    /// <summary>Creates the store on a file; nothing opened yet.</summary>
    public SqliteRestoreTestStore(string path) => _file = new SqliteRecordFile(path, Schema);

    /// <inheritdoc />
    public Task<bool> AddAsync(RestoreTest test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        return _file.RunAsync(async c =>
        {
            using var cmd = c.CreateCommand();
            var values = RestoreTestRows.Values(test);
            cmd.CommandText = $"INSERT INTO restore_tests({RestoreTestRows.Columns}) VALUES ({string.Join(", ", values.Select((_, i) => "$p" + i))}) ON CONFLICT(test_key) DO NOTHING;";
            for (var i = 0; i < values.Length; i++) cmd.Parameters.AddWithValue("$p" + i, values[i] ?? DBNull.Value);
            return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RestoreTest>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        _file.RunAsync<IReadOnlyList<RestoreTest>>(async c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"""
                SELECT {RestoreTestRows.Columns} FROM restore_tests
                WHERE (started_at >= $from AND started_at < $to) OR (requested_at >= $from AND requested_at < $to) ORDER BY started_at, test_key;
                """;
            cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
            using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            var list = new List<RestoreTest>();
            while (await r.ReadAsync(cancellationToken)) list.Add(RestoreTestRows.Read(r));
            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
