using Chezlepro.Collector.Incidents;

namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<IncidentSpan>> GetIncidentSpansAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var cmd = Command(Connection, null, "SELECT id, service, started_at, restored_at FROM incident_spans;", []);
            using var r = cmd.ExecuteReader();
            var list = new List<IncidentSpan>();
            while (r.Read()) list.Add(new IncidentSpan(r.GetString(0), r.GetString(1), FromMs(r.GetInt64(2)), r.IsDBNull(3) ? null : FromMs(r.GetInt64(3))));
            return Task.FromResult<IReadOnlyList<IncidentSpan>>(list);
        }
    }

    /// <inheritdoc />
    public Task SaveIncidentSpansAsync(IReadOnlyList<IncidentSpan> spans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0) return Task.CompletedTask;
        lock (_gate)
        {
            using var tx = Connection.BeginTransaction();
            foreach (var s in spans)
            {
                Exec(Connection, tx, """
                    INSERT INTO incident_spans(id, service, started_at, restored_at) VALUES ($i, $s, $f, $t)
                    ON CONFLICT(id) DO UPDATE SET started_at = excluded.started_at, restored_at = excluded.restored_at;
                    """, ("$i", s.Id), ("$s", s.ServiceId), ("$f", Ms(s.StartedAt)), ("$t", s.RestoredAt is { } t ? Ms(t) : null));
            }
            tx.Commit();
        }
        return Task.CompletedTask;
    }
}
