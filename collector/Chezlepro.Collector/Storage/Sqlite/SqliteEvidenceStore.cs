using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>
/// The evidence journal in its own SQLite file (<c>evidence.db</c>). One connection behind a gate: the single writer
/// the chain needs. A trigger refuses any UPDATE of a record; DELETE is left to retention, which only removes a prefix.
/// </summary>
public sealed class SqliteEvidenceStore : IEvidenceStore
{
    private const string Columns = "seq, kind, at_ms, client, subject, audience, data, prev, hash";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS evidence(
            seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, at_ms INTEGER NOT NULL, client TEXT, subject TEXT NOT NULL,
            audience TEXT NOT NULL, data TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL,
            UNIQUE(kind, subject, at_ms));
        CREATE INDEX IF NOT EXISTS evidence_at ON evidence(at_ms);
        CREATE TABLE IF NOT EXISTS evidence_tail(id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
        INSERT OR IGNORE INTO evidence_tail(id, seq, hash) VALUES (1, 0, 'sha256:0000000000000000000000000000000000000000000000000000000000000000');
        CREATE TABLE IF NOT EXISTS evidence_heads(date TEXT NOT NULL, records INTEGER NOT NULL, head TEXT NOT NULL, taken_at INTEGER NOT NULL,
            PRIMARY KEY(date, records));
        CREATE TRIGGER IF NOT EXISTS evidence_no_update BEFORE UPDATE ON evidence
            BEGIN SELECT RAISE(ABORT, 'evidence journal is append-only'); END;
        """;

    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    /// <summary>Creates the store on a file; nothing opened yet.</summary>
    public SqliteEvidenceStore(string path) => _path = path;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null) return;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
            var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
            await c.OpenAsync(cancellationToken);
            using (var cmd = c.CreateCommand())
            {
                // FULL: a record whose head was published must survive a power cut.
                cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;" + Schema;
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            _connection = c;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<(StoredEvidence Record, bool Appended)> AppendAsync(string kind, string subject, long atMs, Func<EvidenceTail, StoredEvidence> seal,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seal);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var tx = Connection.BeginTransaction(deferred: false);
            using (var find = Command($"SELECT {Columns} FROM evidence WHERE kind = $k AND subject = $s AND at_ms = $t;", tx))
            {
                find.Parameters.AddWithValue("$k", kind);
                find.Parameters.AddWithValue("$s", subject);
                find.Parameters.AddWithValue("$t", atMs);
                var existing = await EvidenceRows.ReadAllAsync(find, cancellationToken);
                if (existing.Count > 0) return (existing[0], false);
            }
            var tail = await TailAsync(tx, cancellationToken);
            var record = seal(tail);
            if (record.Seq != tail.Seq + 1 || record.Prev != tail.Hash)
                throw new InvalidOperationException($"Evidence record {record.Seq} does not follow the tail {tail.Seq}.");
            using (var insert = Command($"INSERT INTO evidence({Columns}) VALUES ($q, $k, $t, $c, $s, $a, $d, $p, $h);", tx))
            {
                insert.Parameters.AddWithValue("$q", record.Seq);
                insert.Parameters.AddWithValue("$k", record.Kind);
                insert.Parameters.AddWithValue("$t", record.AtMs);
                insert.Parameters.AddWithValue("$c", (object?)record.Client ?? DBNull.Value);
                insert.Parameters.AddWithValue("$s", record.Subject);
                insert.Parameters.AddWithValue("$a", record.Audience);
                insert.Parameters.AddWithValue("$d", record.Data);
                insert.Parameters.AddWithValue("$p", record.Prev);
                insert.Parameters.AddWithValue("$h", record.Hash);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            using (var move = Command("UPDATE evidence_tail SET seq = $q, hash = $h WHERE id = 1;", tx))
            {
                move.Parameters.AddWithValue("$q", record.Seq);
                move.Parameters.AddWithValue("$h", record.Hash);
                await move.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
            return (record, true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task<EvidenceTail> TailAsync(CancellationToken cancellationToken) => Gated(() => TailAsync(null, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvidence>> ListAsync(long fromMs, long toMs, string? client, CancellationToken cancellationToken) =>
        Gated(() =>
        {
            var cmd = Command($"""
                SELECT {Columns} FROM evidence WHERE at_ms >= $f AND at_ms < $t AND ($c IS NULL OR instr(audience, '|' || $c || '|') > 0)
                ORDER BY seq;
                """);
            cmd.Parameters.AddWithValue("$f", fromMs);
            cmd.Parameters.AddWithValue("$t", toMs);
            cmd.Parameters.AddWithValue("$c", (object?)client ?? DBNull.Value);
            return EvidenceRows.ReadAllAsync(cmd, cancellationToken, dispose: true);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvidence>> RunAsync(long fromMs, long toMs, CancellationToken cancellationToken) =>
        Gated(() =>
        {
            var cmd = Command($"""
                SELECT {Columns} FROM evidence
                WHERE seq >= (SELECT MIN(seq) FROM evidence WHERE at_ms >= $f AND at_ms < $t)
                  AND seq <= (SELECT MAX(seq) FROM evidence WHERE at_ms >= $f AND at_ms < $t)
                ORDER BY seq;
                """);
            cmd.Parameters.AddWithValue("$f", fromMs);
            cmd.Parameters.AddWithValue("$t", toMs);
            return EvidenceRows.ReadAllAsync(cmd, cancellationToken, dispose: true);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<StoredEvidence?> LatestAsync(string kind, CancellationToken cancellationToken)
    {
        var list = await Gated(() =>
        {
            var cmd = Command($"SELECT {Columns} FROM evidence WHERE kind = $k ORDER BY seq DESC LIMIT 1;");
            cmd.Parameters.AddWithValue("$k", kind);
            return EvidenceRows.ReadAllAsync(cmd, cancellationToken, dispose: true);
        }, cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    /// <inheritdoc />
    public Task<int> PruneAsync(long beforeMs, CancellationToken cancellationToken) =>
        Gated(async () =>
        {
            using var cmd = Command("""
                DELETE FROM evidence WHERE seq < COALESCE((SELECT MIN(seq) FROM evidence WHERE at_ms >= $b),
                    (SELECT seq + 1 FROM evidence_tail WHERE id = 1));
                """);
            cmd.Parameters.AddWithValue("$b", beforeMs);
            return await cmd.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <inheritdoc />
    public Task AddHeadAsync(StoredEvidenceHead head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(head);
        return Gated(async () =>
        {
            using var cmd = Command("INSERT OR IGNORE INTO evidence_heads(date, records, head, taken_at) VALUES ($d, $r, $h, $t);");
            cmd.Parameters.AddWithValue("$d", head.Date);
            cmd.Parameters.AddWithValue("$r", head.Records);
            cmd.Parameters.AddWithValue("$h", head.Head);
            cmd.Parameters.AddWithValue("$t", head.TakenAtMs);
            return await cmd.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvidenceHead>> ListHeadsAsync(CancellationToken cancellationToken) =>
        Gated(async () =>
        {
            using var cmd = Command("SELECT date, records, head, taken_at FROM evidence_heads ORDER BY records, date;");
            var list = new List<StoredEvidenceHead>();
            using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) list.Add(new StoredEvidenceHead(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3)));
            return (IReadOnlyList<StoredEvidenceHead>)list;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _connection?.Dispose();
        _connection = null;
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<EvidenceTail> TailAsync(SqliteTransaction? tx, CancellationToken cancellationToken)
    {
        using var cmd = Command("SELECT seq, hash FROM evidence_tail WHERE id = 1;", tx);
        using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        await r.ReadAsync(cancellationToken);
        return new EvidenceTail(r.GetInt64(0), r.GetString(1));
    }

    private async Task<T> Gated<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private SqliteConnection Connection => _connection ?? throw new InvalidOperationException("Evidence store not initialised.");
}
