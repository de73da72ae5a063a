using Chezlepro.Collector.RestoreTests;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>Restore tests in the shared database, a table this store creates on first use; append-only (a trigger refuses changes).</summary>
public sealed class PostgresRestoreTestStore : IRestoreTestStore, IAsyncDisposable
{
    private const long SchemaLock = 0x52535454;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS restore_tests(
            test_key TEXT PRIMARY KEY, origin TEXT NOT NULL, client TEXT, guest TEXT NOT NULL, service TEXT, name TEXT, snapshot TEXT, archive TEXT,
            bytes BIGINT, duration_seconds DOUBLE PRECISION NOT NULL, outcome TEXT NOT NULL, started_at BIGINT NOT NULL, requested_at BIGINT,
            by_name TEXT, notes TEXT, sha256 TEXT, site TEXT, node TEXT);
        CREATE INDEX IF NOT EXISTS restore_tests_started ON restore_tests(started_at);
        CREATE INDEX IF NOT EXISTS restore_tests_requested ON restore_tests(requested_at) WHERE requested_at IS NOT NULL;
        CREATE OR REPLACE FUNCTION restore_tests_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $f$ BEGIN RAISE EXCEPTION 'restore tests are append-only'; END $f$;
        CREATE OR REPLACE TRIGGER restore_tests_no_change BEFORE UPDATE OR DELETE ON restore_tests
            FOR EACH ROW EXECUTE FUNCTION restore_tests_append_only();
        """;

    private static readonly NpgsqlTypes.NpgsqlDbType?[] Types =
    [
        null, null, NpgsqlTypes.NpgsqlDbType.Text, null, NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Text,
        NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Bigint, null, null, null, NpgsqlTypes.NpgsqlDbType.Bigint, NpgsqlTypes.NpgsqlDbType.Text,
        NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Text,
    ];

    private readonly PostgresRecordTables _tables;

    /// <summary>Creates the store; nothing opened yet.</summary>
    public PostgresRestoreTestStore(string connectionString) => _tables = new PostgresRecordTables(connectionString, Schema, SchemaLock);

    /// <inheritdoc />
    public async Task<bool> AddAsync(RestoreTest test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        var values = RestoreTestRows.Values(test);
        await using var c = await _tables.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            $"INSERT INTO restore_tests({RestoreTestRows.Columns}) VALUES ({string.Join(", ", values.Select((_, i) => "$" + (i + 1)))}) ON CONFLICT(test_key) DO NOTHING;", c);
        for (var i = 0; i < values.Length; i++)
        {
            // A null needs its type told: PostgreSQL cannot infer it from DBNull.
            var p = new NpgsqlParameter { Value = values[i] ?? DBNull.Value };
            if (Types[i] is { } type) p.NpgsqlDbType = type;
            cmd.Parameters.Add(p);
        }
        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RestoreTest>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var c = await _tables.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand($"""
            SELECT {RestoreTestRows.Columns} FROM restore_tests
            WHERE (started_at >= $1 AND started_at < $2) OR (requested_at >= $1 AND requested_at < $2) ORDER BY started_at, test_key;
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = from.ToUnixTimeMilliseconds() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = to.ToUnixTimeMilliseconds() });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<RestoreTest>();
        while (await r.ReadAsync(cancellationToken)) list.Add(RestoreTestRows.Read(r));
        return list;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _tables.DisposeAsync();
}
