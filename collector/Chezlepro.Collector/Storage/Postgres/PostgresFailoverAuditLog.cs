using Chezlepro.Collector.Storage.Formats;
using Npgsql;
using NpgsqlTypes;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// The audit log shared by every collector of a PostgreSQL deployment (<c>Collector:Store = postgres</c>), so a
/// collector that takes over continues at the last epoch any of them wrote. Append-only is enforced by the
/// database (a trigger refuses UPDATE, DELETE and TRUNCATE) and (group, epoch) is unique. When a
/// <see cref="PostgresLeadership"/> is given, an append is also fenced: it is written only while the session
/// that holds the decision-maker's advisory lock is the writer's own, so a collector that lost the lock
/// without noticing yet cannot write.
/// </summary>
public sealed class PostgresFailoverAuditLog : IFailoverAuditLog
{
    // Serialises schema creation when collectors start together (CREATE OR REPLACE races otherwise).
    private const long SchemaLock = 0x4641494D;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS failover_decisions(
            id BIGSERIAL PRIMARY KEY,
            grp TEXT NOT NULL, epoch BIGINT NOT NULL, active TEXT NOT NULL, previous TEXT, mode TEXT NOT NULL,
            reason TEXT NOT NULL, decided_at BIGINT NOT NULL, decision TEXT NOT NULL, evidence TEXT NOT NULL,
            UNIQUE(grp, epoch));
        CREATE OR REPLACE FUNCTION failover_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $f$ BEGIN RAISE EXCEPTION 'failover audit log is append-only'; END $f$;
        CREATE OR REPLACE TRIGGER failover_decisions_no_change BEFORE UPDATE OR DELETE ON failover_decisions
            FOR EACH ROW EXECUTE FUNCTION failover_decisions_append_only();
        CREATE OR REPLACE TRIGGER failover_decisions_no_truncate BEFORE TRUNCATE ON failover_decisions
            FOR EACH STATEMENT EXECUTE FUNCTION failover_decisions_append_only();
        """;

    private readonly string _connectionString;
    private readonly PostgresLeadership? _leadership;
    private NpgsqlDataSource? _dataSource;

    /// <summary>Creates the log; nothing opened yet.</summary>
    /// <param name="connectionString">The shared database.</param>
    /// <param name="leadership">When given, appends are fenced on its lock (see the class remarks).</param>
    public PostgresFailoverAuditLog(string connectionString, PostgresLeadership? leadership = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = connectionString;
        _leadership = leadership;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var c = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLock});", c, tx))
            await lockCmd.ExecuteNonQueryAsync(cancellationToken);
        await using (var cmd = new NpgsqlCommand(Schema, c, tx))
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task AppendAsync(StoredFailoverRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var d = record.Decision;
        int? fence = null;
        if (_leadership is not null)
            fence = _leadership.LeaderProcessId ?? throw new FailoverAppendRefusedException($"Not the failover decision-maker: epoch {d.Epoch} of {d.Group} not written.");
        await using var cmd = DataSource.CreateCommand($"""
            INSERT INTO failover_decisions(grp, epoch, active, previous, mode, reason, decided_at, decision, evidence)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
            WHERE $10::int IS NULL OR EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
                AND l.pid = $10::int AND l.classid = {PostgresLeadership.LockClass} AND l.objid = {PostgresLeadership.LockObject} AND l.objsubid = 2);
            """);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = d.Group });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = d.Epoch });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = d.Active });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)d.Previous ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = d.Mode });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = d.Reason });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = d.DecidedAt.ToUnixTimeMilliseconds() });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = StoredFormat.WriteDecision(d) });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = StoredFormat.WriteEvidence(record.Evidence) });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)fence ?? DBNull.Value });
        int rows;
        try
        {
            rows = await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new FailoverAppendRefusedException($"Epoch {d.Epoch} of {d.Group} is already written.", ex);
        }
        if (rows == 0)
            throw new FailoverAppendRefusedException($"Not the failover decision-maker (lock not held by session {fence}): epoch {d.Epoch} of {d.Group} not written.");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, (long Epoch, StoredFailoverRecord? LastApplied)>> LoadResumePointsAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (long, StoredFailoverRecord?)>(StringComparer.Ordinal);
        await using var cmd = DataSource.CreateCommand("""
            SELECT g.grp, g.max_epoch, d.decision, d.evidence
            FROM (SELECT grp, MAX(epoch) AS max_epoch FROM failover_decisions GROUP BY grp) g
            LEFT JOIN failover_decisions d ON d.grp = g.grp AND d.epoch =
                (SELECT MAX(epoch) FROM failover_decisions x WHERE x.grp = g.grp AND x.mode <> 'advisory');
            """);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var applied = r.IsDBNull(2) ? null : Read(r.GetString(2), r.GetString(3));
            result[r.GetString(0)] = (r.GetInt64(1), applied);
        }
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredFailoverRecord>> ListAsync(string group, int limit, CancellationToken cancellationToken)
    {
        var list = new List<StoredFailoverRecord>();
        await using var cmd = DataSource.CreateCommand("SELECT decision, evidence FROM failover_decisions WHERE grp = $1 ORDER BY epoch DESC LIMIT $2;");
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = group });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = Math.Clamp(limit, 1, 1000) });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) list.Add(Read(r.GetString(0), r.GetString(1)));
        return list;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        _dataSource = null;
    }

    private NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Failover audit log not initialised.");

    private static StoredFailoverRecord Read(string decision, string evidence) => new(StoredFormat.ReadDecision(decision), StoredFormat.ReadEvidence(evidence));
}
