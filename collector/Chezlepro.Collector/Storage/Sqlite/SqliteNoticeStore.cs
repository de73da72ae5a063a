using Chezlepro.Collector.Incidents.Notices;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>Notices in <c>Collector:DataDirectory/notices.db</c>, a table this store creates on first use; append-only (triggers).</summary>
public sealed class SqliteNoticeStore : INoticeStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS incident_notices(
            id INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, type TEXT NOT NULL, channel TEXT NOT NULL,
            sent_at INTEGER NOT NULL, summary TEXT, author TEXT NOT NULL, recorded_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS incident_notices_incident ON incident_notices(incident_id);
        CREATE TRIGGER IF NOT EXISTS incident_notices_no_update BEFORE UPDATE ON incident_notices
            BEGIN SELECT RAISE(ABORT, 'notices are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS incident_notices_no_delete BEFORE DELETE ON incident_notices
            BEGIN SELECT RAISE(ABORT, 'notices are append-only'); END;
        """;

    private readonly SqliteRecordFile _file;

    /// <summary>Creates the store on a file; nothing opened yet.</summary>
    public SqliteNoticeStore(string path) => _file = new SqliteRecordFile(path, Schema);

    /// <inheritdoc />
    public Task<IncidentNotice> AddAsync(IncidentNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return _file.RunAsync(async c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO incident_notices(incident_id, type, channel, sent_at, summary, author, recorded_at)
                VALUES ($i, $t, $c, $s, $m, $a, $r) RETURNING id;
                """;
            cmd.Parameters.AddWithValue("$i", notice.IncidentId);
            cmd.Parameters.AddWithValue("$t", notice.Type);
            cmd.Parameters.AddWithValue("$c", notice.Channel);
            cmd.Parameters.AddWithValue("$s", notice.SentAt.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$m", (object?)notice.Summary ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$a", notice.Author);
            cmd.Parameters.AddWithValue("$r", notice.RecordedAt.ToUnixTimeMilliseconds());
            var id = (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
            return notice with { Id = id };
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IncidentNotice>> ListAsync(string? incidentId, CancellationToken cancellationToken) =>
        _file.RunAsync<IReadOnlyList<IncidentNotice>>(async c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                SELECT id, incident_id, type, channel, sent_at, summary, author, recorded_at FROM incident_notices
                WHERE $i IS NULL OR incident_id = $i ORDER BY id;
                """;
            cmd.Parameters.AddWithValue("$i", (object?)incidentId ?? DBNull.Value);
            var list = new List<IncidentNotice>();
            using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                list.Add(NoticeRows.Read(r));
            }
            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
