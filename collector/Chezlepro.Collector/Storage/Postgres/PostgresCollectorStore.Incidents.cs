using Chezlepro.Collector.Incidents;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<IncidentSpan>> GetIncidentSpansAsync(CancellationToken cancellationToken) =>
        ListAsync("SELECT id, service, started_at, restored_at FROM incident_spans;",
            r => new IncidentSpan(r.GetString(0), r.GetString(1), FromMs(r.GetInt64(2)), r.IsDBNull(3) ? null : FromMs(r.GetInt64(3))),
            cancellationToken);

    /// <inheritdoc />
    public async Task SaveIncidentSpansAsync(IReadOnlyList<IncidentSpan> spans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0) return;
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        foreach (var s in spans)
        {
            await ExecAsync(c, tx, """
                INSERT INTO incident_spans(id, service, started_at, restored_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT(id) DO UPDATE SET started_at = excluded.started_at, restored_at = excluded.restored_at;
                """, cancellationToken, s.Id, s.ServiceId, Ms(s.StartedAt), s.RestoredAt is { } t ? Ms(t) : null);
        }
        await tx.CommitAsync(cancellationToken);
    }
}
