using System.Globalization;
using Chezlepro.Collector.DrTests;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>DR tests in the shared database, tables this store creates on first use; append-only (a trigger refuses changes).</summary>
public sealed class PostgresDrTestStore : IDrTestStore, IAsyncDisposable
{
    private const long SchemaLock = 0x44525453;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS dr_tests(
            id BIGSERIAL PRIMARY KEY, test_date TEXT NOT NULL, scenario TEXT NOT NULL, findings TEXT NOT NULL,
            report_url TEXT, author TEXT NOT NULL, recorded_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS dr_test_services(
            test_id BIGINT NOT NULL REFERENCES dr_tests(id), service TEXT NOT NULL, category TEXT NOT NULL,
            rto_minutes INTEGER NOT NULL, rpo_minutes INTEGER NOT NULL, rto_target INTEGER NOT NULL, rpo_target INTEGER NOT NULL,
            PRIMARY KEY(test_id, service));
        CREATE OR REPLACE FUNCTION dr_tests_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $f$ BEGIN RAISE EXCEPTION 'DR tests are append-only'; END $f$;
        CREATE OR REPLACE TRIGGER dr_tests_no_change BEFORE UPDATE OR DELETE ON dr_tests
            FOR EACH ROW EXECUTE FUNCTION dr_tests_append_only();
        """;

    private readonly PostgresRecordTables _tables;

    /// <summary>Creates the store; nothing opened yet.</summary>
    public PostgresDrTestStore(string connectionString) => _tables = new PostgresRecordTables(connectionString, Schema, SchemaLock);

    /// <inheritdoc />
    public async Task<DrTest> AddAsync(DrTest test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        await using var c = await _tables.OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        long id;
        await using (var cmd = new NpgsqlCommand(
            "INSERT INTO dr_tests(test_date, scenario, findings, report_url, author, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id;", c, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = test.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            cmd.Parameters.Add(new NpgsqlParameter { Value = test.Scenario });
            cmd.Parameters.Add(new NpgsqlParameter { Value = test.Findings });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)test.ReportUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = test.Author });
            cmd.Parameters.Add(new NpgsqlParameter { Value = test.RecordedAt.ToUnixTimeMilliseconds() });
            id = (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
        }
        foreach (var s in test.Services)
        {
            await using var line = new NpgsqlCommand("""
                INSERT INTO dr_test_services(test_id, service, category, rto_minutes, rpo_minutes, rto_target, rpo_target)
                VALUES ($1, $2, $3, $4, $5, $6, $7);
                """, c, tx);
            foreach (var v in new object[] { id, s.Service, s.Category, s.RtoMinutes, s.RpoMinutes, s.RtoTargetMinutes, s.RpoTargetMinutes })
                line.Parameters.Add(new NpgsqlParameter { Value = v });
            await line.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return test with { Id = id };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DrTest>> ListAsync(CancellationToken cancellationToken)
    {
        await using var c = await _tables.OpenAsync(cancellationToken);
        var lines = new Dictionary<long, List<DrTestService>>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT test_id, service, category, rto_minutes, rpo_minutes, rto_target, rpo_target FROM dr_test_services ORDER BY test_id, service;", c))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
                DrTestRows.AddLine(lines, r);
        }
        var list = new List<DrTest>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT id, test_date, scenario, findings, report_url, author, recorded_at FROM dr_tests ORDER BY test_date DESC, id DESC;", c))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
                list.Add(DrTestRows.Test(r, lines));
        }
        return list;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _tables.DisposeAsync();
}
