using Chezlepro.Collector.Storage.Formats;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>
/// The audit log in its own SQLite file, <c>Collector:DataDirectory/failover.db</c>, apart from the collector
/// store. Append-only is enforced by the database itself: triggers abort any UPDATE or DELETE, and
/// (group, epoch) is unique so an epoch can never be written twice.
/// </summary>
public sealed class SqliteFailoverAuditLog : IFailoverAuditLog
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS failover_decisions(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            grp TEXT NOT NULL, epoch INTEGER NOT NULL, active TEXT NOT NULL, previous TEXT, mode TEXT NOT NULL,
            reason TEXT NOT NULL, decided_at INTEGER NOT NULL, decision TEXT NOT NULL, evidence TEXT NOT NULL,
            UNIQUE(grp, epoch));
        CREATE TRIGGER IF NOT EXISTS failover_decisions_no_update BEFORE UPDATE ON failover_decisions
            BEGIN SELECT RAISE(ABORT, 'failover audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS failover_decisions_no_delete BEFORE DELETE ON failover_decisions
            BEGIN SELECT RAISE(ABORT, 'failover audit log is append-only'); END;
        """;

    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    /// <summary>Creates the log on a file (<see cref="SqliteStorage"/> names it); nothing opened yet.</summary>
    public SqliteFailoverAuditLog(string path) => _path = path;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        await c.OpenAsync(cancellationToken);
        using (var cmd = c.CreateCommand())
        {
            // FULL: a decision that was published must not vanish from the log on a power cut.
            cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;" + Schema;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        _connection = c;
    }

    /// <inheritdoc />
    public async Task AppendAsync(StoredFailoverRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var d = record.Decision;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var cmd = Connection.CreateCommand();
            cmd.CommandText = """
                INSERT INTO failover_decisions(grp, epoch, active, previous, mode, reason, decided_at, decision, evidence)
                VALUES ($g, $e, $a, $p, $m, $r, $t, $d, $v);
                """;
            cmd.Parameters.AddWithValue("$g", d.Group);
            cmd.Parameters.AddWithValue("$e", d.Epoch);
            cmd.Parameters.AddWithValue("$a", d.Active);
            cmd.Parameters.AddWithValue("$p", (object?)d.Previous ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$m", d.Mode);
            cmd.Parameters.AddWithValue("$r", d.Reason);
            cmd.Parameters.AddWithValue("$t", d.DecidedAt.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$d", StoredFormat.WriteDecision(d));
            cmd.Parameters.AddWithValue("$v", StoredFormat.WriteEvidence(record.Evidence));
            try
            {
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19) // SQLITE_CONSTRAINT: UNIQUE(grp, epoch)
            {
                throw new FailoverAppendRefusedException($"Epoch {d.Epoch} of {d.Group} is already written.", ex);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, (long Epoch, StoredFailoverRecord? LastApplied)>> LoadResumePointsAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (long, StoredFailoverRecord?)>(StringComparer.Ordinal);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var cmd = Connection.CreateCommand();
            cmd.CommandText = """
                SELECT g.grp, g.max_epoch, d.decision, d.evidence
                FROM (SELECT grp, MAX(epoch) AS max_epoch FROM failover_decisions GROUP BY grp) g
                LEFT JOIN failover_decisions d ON d.grp = g.grp AND d.epoch =
                    (SELECT MAX(epoch) FROM failover_decisions x WHERE x.grp = g.grp AND x.mode <> 'advisory');
                """;
            using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                var applied = r.IsDBNull(2) ? null : Read(r.GetString(2), r.GetString(3));
                result[r.GetString(0)] = (r.GetInt64(1), applied);
            }
        }
        finally
        {
            _gate.Release();
        }
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredFailoverRecord>> ListAsync(string group, int limit, CancellationToken cancellationToken)
    {
        var list = new List<StoredFailoverRecord>();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var cmd = Connection.CreateCommand();
            cmd.CommandText = "SELECT decision, evidence FROM failover_decisions WHERE grp = $g ORDER BY epoch DESC LIMIT $l;";
            cmd.Parameters.AddWithValue("$g", group);
            cmd.Parameters.AddWithValue("$l", Math.Clamp(limit, 1, 1000));
            using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) list.Add(Read(r.GetString(0), r.GetString(1)));
        }
        finally
        {
            _gate.Release();
        }
        return list;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _connection?.Dispose();
        _connection = null;
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private SqliteConnection Connection => _connection ?? throw new InvalidOperationException("Failover audit log not initialised.");

    private static StoredFailoverRecord Read(string decision, string evidence) => new(StoredFormat.ReadDecision(decision), StoredFormat.ReadEvidence(evidence));
}
