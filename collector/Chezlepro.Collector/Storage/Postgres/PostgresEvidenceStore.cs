using Npgsql;
using NpgsqlTypes;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// The evidence journal shared by every collector of a PostgreSQL deployment. An append locks the tail row
/// (<c>SELECT … FOR UPDATE</c>) for its transaction, so two collectors appending at once take turns and the chain
/// never forks; the (kind, subject, at) check runs under that lock, so a fact two collectors see is stored once.
/// A trigger refuses any UPDATE of a record and TRUNCATE; DELETE is left to retention, which only removes a prefix.
/// </summary>
public sealed class PostgresEvidenceStore : IEvidenceStore
{
    // Serialises schema creation when collectors start together (CREATE OR REPLACE races otherwise).
    private const long SchemaLock = 0x45564944;
    private const string Columns = "seq, kind, at_ms, client, subject, audience, data, prev, hash";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS evidence(
            seq BIGINT PRIMARY KEY, kind TEXT NOT NULL, at_ms BIGINT NOT NULL, client TEXT, subject TEXT NOT NULL,
            audience TEXT NOT NULL, data TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL,
            UNIQUE(kind, subject, at_ms));
        CREATE INDEX IF NOT EXISTS evidence_at ON evidence(at_ms);
        CREATE TABLE IF NOT EXISTS evidence_tail(id INT PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);
        INSERT INTO evidence_tail(id, seq, hash) VALUES (1, 0, 'sha256:0000000000000000000000000000000000000000000000000000000000000000')
            ON CONFLICT (id) DO NOTHING;
        CREATE TABLE IF NOT EXISTS evidence_heads(date TEXT NOT NULL, records BIGINT NOT NULL, head TEXT NOT NULL, taken_at BIGINT NOT NULL,
            PRIMARY KEY(date, records));
        CREATE OR REPLACE FUNCTION evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $f$ BEGIN RAISE EXCEPTION 'evidence journal is append-only'; END $f$;
        CREATE OR REPLACE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
            FOR EACH ROW EXECUTE FUNCTION evidence_append_only();
        CREATE OR REPLACE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence
            FOR EACH STATEMENT EXECUTE FUNCTION evidence_append_only();
        """;

    private readonly string _connectionString;
    private NpgsqlDataSource? _dataSource;

    /// <summary>Creates the store; nothing opened yet.</summary>
    public PostgresEvidenceStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = connectionString;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_dataSource is not null) return;
        var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLock});", c, tx))
            await lockCmd.ExecuteNonQueryAsync(cancellationToken);
        await using (var cmd = new NpgsqlCommand(Schema, c, tx))
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        _dataSource = dataSource;
    }

    /// <inheritdoc />
    public async Task<(StoredEvidence Record, bool Appended)> AppendAsync(string kind, string subject, long atMs, Func<EvidenceTail, StoredEvidence> seal,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seal);
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        EvidenceTail tail;
        await using (var lockTail = new NpgsqlCommand("SELECT seq, hash FROM evidence_tail WHERE id = 1 FOR UPDATE;", c, tx))
        await using (var r = await lockTail.ExecuteReaderAsync(cancellationToken))
        {
            await r.ReadAsync(cancellationToken);
            tail = new EvidenceTail(r.GetInt64(0), r.GetString(1));
        }
        await using (var find = new NpgsqlCommand($"SELECT {Columns} FROM evidence WHERE kind = $1 AND subject = $2 AND at_ms = $3;", c, tx))
        {
            find.Parameters.Add(Text(kind));
            find.Parameters.Add(Text(subject));
            find.Parameters.Add(Bigint(atMs));
            var existing = await EvidenceRows.ReadAllAsync(find, cancellationToken);
            if (existing.Count > 0)
            {
                await tx.CommitAsync(cancellationToken);
                return (existing[0], false);
            }
        }
        var record = seal(tail);
        if (record.Seq != tail.Seq + 1 || record.Prev != tail.Hash)
            throw new InvalidOperationException($"Evidence record {record.Seq} does not follow the tail {tail.Seq}.");
        await using (var insert = new NpgsqlCommand($"INSERT INTO evidence({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);", c, tx))
        {
            insert.Parameters.Add(Bigint(record.Seq));
            insert.Parameters.Add(Text(record.Kind));
            insert.Parameters.Add(Bigint(record.AtMs));
            insert.Parameters.Add(Text(record.Client));
            insert.Parameters.Add(Text(record.Subject));
            insert.Parameters.Add(Text(record.Audience));
            insert.Parameters.Add(Text(record.Data));
            insert.Parameters.Add(Text(record.Prev));
            insert.Parameters.Add(Text(record.Hash));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var move = new NpgsqlCommand("UPDATE evidence_tail SET seq = $1, hash = $2 WHERE id = 1;", c, tx))
        {
            move.Parameters.Add(Bigint(record.Seq));
            move.Parameters.Add(Text(record.Hash));
            await move.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return (record, true);
    }

    /// <inheritdoc />
    public async Task<EvidenceTail> TailAsync(CancellationToken cancellationToken)
    {
        await using var cmd = DataSource.CreateCommand("SELECT seq, hash FROM evidence_tail WHERE id = 1;");
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        await r.ReadAsync(cancellationToken);
        return new EvidenceTail(r.GetInt64(0), r.GetString(1));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvidence>> ListAsync(long fromMs, long toMs, string? client, CancellationToken cancellationToken)
    {
        await using var cmd = DataSource.CreateCommand($"""
            SELECT {Columns} FROM evidence WHERE at_ms >= $1 AND at_ms < $2 AND ($3::text IS NULL OR strpos(audience, '|' || $3::text || '|') > 0)
            ORDER BY seq;
            """);
        cmd.Parameters.Add(Bigint(fromMs));
        cmd.Parameters.Add(Bigint(toMs));
        cmd.Parameters.Add(Text(client));
        return await EvidenceRows.ReadAllAsync(cmd, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvidence>> RunAsync(long fromMs, long toMs, CancellationToken cancellationToken)
    {
        await using var cmd = DataSource.CreateCommand($"""
            SELECT {Columns} FROM evidence
            WHERE seq >= (SELECT MIN(seq) FROM evidence WHERE at_ms >= $1 AND at_ms < $2)
              AND seq <= (SELECT MAX(seq) FROM evidence WHERE at_ms >= $1 AND at_ms < $2)
            ORDER BY seq;
            """);
        cmd.Parameters.Add(Bigint(fromMs));
        cmd.Parameters.Add(Bigint(toMs));
        return await EvidenceRows.ReadAllAsync(cmd, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoredEvidence?> LatestAsync(string kind, CancellationToken cancellationToken)
    {
        await using var cmd = DataSource.CreateCommand($"SELECT {Columns} FROM evidence WHERE kind = $1 ORDER BY seq DESC LIMIT 1;");
        cmd.Parameters.Add(Text(kind));
        var list = await EvidenceRows.ReadAllAsync(cmd, cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(long beforeMs, CancellationToken cancellationToken)
    {
        await using var cmd = DataSource.CreateCommand("""
            DELETE FROM evidence WHERE seq < COALESCE((SELECT MIN(seq) FROM evidence WHERE at_ms >= $1),
                (SELECT seq + 1 FROM evidence_tail WHERE id = 1));
            """);
        cmd.Parameters.Add(Bigint(beforeMs));
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task AddHeadAsync(StoredEvidenceHead head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(head);
        await using var cmd = DataSource.CreateCommand(
            "INSERT INTO evidence_heads(date, records, head, taken_at) VALUES ($1, $2, $3, $4) ON CONFLICT (date, records) DO NOTHING;");
        cmd.Parameters.Add(Text(head.Date));
        cmd.Parameters.Add(Bigint(head.Records));
        cmd.Parameters.Add(Text(head.Head));
        cmd.Parameters.Add(Bigint(head.TakenAtMs));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvidenceHead>> ListHeadsAsync(CancellationToken cancellationToken)
    {
        await using var cmd = DataSource.CreateCommand("SELECT date, records, head, taken_at FROM evidence_heads ORDER BY records, date;");
        var list = new List<StoredEvidenceHead>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) list.Add(new StoredEvidenceHead(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3)));
        return list;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        _dataSource = null;
    }

    private NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Evidence store not initialised.");

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Bigint(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };
}
