using Chezlepro.Collector.Incidents.Notices;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>Notices in the shared database, a table this store creates on first use; append-only (a trigger refuses changes).</summary>
public sealed class PostgresNoticeStore : INoticeStore, IAsyncDisposable
{
    private const long SchemaLock = 0x4E4F5449;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS incident_notices(
            id BIGSERIAL PRIMARY KEY, incident_id TEXT NOT NULL, type TEXT NOT NULL, channel TEXT NOT NULL,
            sent_at BIGINT NOT NULL, summary TEXT, author TEXT NOT NULL, recorded_at BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS incident_notices_incident ON incident_notices(incident_id);
        CREATE OR REPLACE FUNCTION incident_notices_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $f$ BEGIN RAISE EXCEPTION 'notices are append-only'; END $f$;
        CREATE OR REPLACE TRIGGER incident_notices_no_change BEFORE UPDATE OR DELETE ON incident_notices
            FOR EACH ROW EXECUTE FUNCTION incident_notices_append_only();
        """;

    private readonly PostgresRecordTables _tables;

    /// <summary>Creates the store; nothing opened yet.</summary>
    public PostgresNoticeStore(string connectionString) => _tables = new PostgresRecordTables(connectionString, Schema, SchemaLock);

    /// <inheritdoc />
    public async Task<IncidentNotice> AddAsync(IncidentNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await using var c = await _tables.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO incident_notices(incident_id, type, channel, sent_at, summary, author, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id;
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = notice.IncidentId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = notice.Type });
        cmd.Parameters.Add(new NpgsqlParameter { Value = notice.Channel });
        cmd.Parameters.Add(new NpgsqlParameter { Value = notice.SentAt.ToUnixTimeMilliseconds() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)notice.Summary ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = notice.Author });
        cmd.Parameters.Add(new NpgsqlParameter { Value = notice.RecordedAt.ToUnixTimeMilliseconds() });
        var id = (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
        return notice with { Id = id };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IncidentNotice>> ListAsync(string? incidentId, CancellationToken cancellationToken)
    {
        await using var c = await _tables.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            SELECT id, incident_id, type, channel, sent_at, summary, author, recorded_at FROM incident_notices
            WHERE $1::text IS NULL OR incident_id = $1 ORDER BY id;
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)incidentId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var list = new List<IncidentNotice>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(NoticeRows.Read(r));
        }
        return list;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _tables.DisposeAsync();
}
