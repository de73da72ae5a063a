using System.Globalization;
using Chezlepro.Collector.DrTests;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>DR tests in <c>Collector:DataDirectory/drtests.db</c>, tables this store creates on first use; append-only (triggers).</summary>
public sealed class SqliteDrTestStore : IDrTestStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS dr_tests(
            id INTEGER PRIMARY KEY AUTOINCREMENT, test_date TEXT NOT NULL, scenario TEXT NOT NULL, findings TEXT NOT NULL,
            report_url TEXT, author TEXT NOT NULL, recorded_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS dr_test_services(
            test_id INTEGER NOT NULL REFERENCES dr_tests(id), service TEXT NOT NULL, category TEXT NOT NULL,
            rto_minutes INTEGER NOT NULL, rpo_minutes INTEGER NOT NULL, rto_target INTEGER NOT NULL, rpo_target INTEGER NOT NULL,
            PRIMARY KEY(test_id, service));
        CREATE TRIGGER IF NOT EXISTS dr_tests_no_update BEFORE UPDATE ON dr_tests BEGIN SELECT RAISE(ABORT, 'DR tests are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS dr_tests_no_delete BEFORE DELETE ON dr_tests BEGIN SELECT RAISE(ABORT, 'DR tests are append-only'); END;
        """;

    private readonly SqliteRecordFile _file;

    /// <summary>Creates the store on a file; nothing opened yet.</summary>
    public SqliteDrTestStore(string path) => _file = new SqliteRecordFile(path, Schema);

    /// <inheritdoc />
    public Task<DrTest> AddAsync(DrTest test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        return _file.RunAsync(async c =>
        {
            using var tx = c.BeginTransaction();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO dr_tests(test_date, scenario, findings, report_url, author, recorded_at) VALUES ($d, $s, $f, $u, $a, $r) RETURNING id;
                """;
            cmd.Parameters.AddWithValue("$d", test.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$s", test.Scenario);
            cmd.Parameters.AddWithValue("$f", test.Findings);
            cmd.Parameters.AddWithValue("$u", (object?)test.ReportUrl ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$a", test.Author);
            cmd.Parameters.AddWithValue("$r", test.RecordedAt.ToUnixTimeMilliseconds());
            var id = (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
            foreach (var s in test.Services)
            {
                using var line = c.CreateCommand();
                line.Transaction = tx;
                line.CommandText = """
                    INSERT INTO dr_test_services(test_id, service, category, rto_minutes, rpo_minutes, rto_target, rpo_target)
                    VALUES ($t, $s, $c, $o, $p, $ot, $pt);
                    """;
                line.Parameters.AddWithValue("$t", id);
                line.Parameters.AddWithValue("$s", s.Service);
                line.Parameters.AddWithValue("$c", s.Category);
                line.Parameters.AddWithValue("$o", s.RtoMinutes);
                line.Parameters.AddWithValue("$p", s.RpoMinutes);
                line.Parameters.AddWithValue("$ot", s.RtoTargetMinutes);
                line.Parameters.AddWithValue("$pt", s.RpoTargetMinutes);
                await line.ExecuteNonQueryAsync(cancellationToken);
            }
            tx.Commit();
            return test with { Id = id };
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DrTest>> ListAsync(CancellationToken cancellationToken) =>
        _file.RunAsync<IReadOnlyList<DrTest>>(async c =>
        {
            var lines = new Dictionary<long, List<DrTestService>>();
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT test_id, service, category, rto_minutes, rpo_minutes, rto_target, rpo_target FROM dr_test_services ORDER BY test_id, service;";
                using var r = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await r.ReadAsync(cancellationToken))
                    DrTestRows.AddLine(lines, r);
            }
            var list = new List<DrTest>();
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT id, test_date, scenario, findings, report_url, author, recorded_at FROM dr_tests ORDER BY test_date DESC, id DESC;";
                using var r = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await r.ReadAsync(cancellationToken))
                {
                    list.Add(DrTestRows.Test(r, lines));
                }
            }
            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
