using Chezlepro.Contracts.Messages;
using Chezlepro.Collector.Storage.Folding;
using Chezlepro.Collector.Storage.Watermarks;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoreOutcome>> StoreBatchAsync(IReadOnlyList<IngestItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var outcomes = new StoreOutcome[items.Count];
        var latest = new Dictionary<(string, string, string), (Sample, string, DateTimeOffset)>();
        var delivery = new DeliveryBatch(receivedAt);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            delivery.Add(item);
            var m = item.Message!;
            outcomes[i] = item.Payload switch
            {
                StatusMessage s => await ApplyStatusAsync(c, tx, s, receivedAt, cancellationToken),
                TelemetryBatch t => Inserted(await ApplyMessageAsync(c, tx, m, receivedAt, (_, _, _) =>
                {
                    IngestRules.KeepNewest(latest, t);
                    return Task.CompletedTask;
                }, cancellationToken)),
                HealthResult h => Inserted(await ApplyMessageAsync(c, tx, m, receivedAt, (cc, tt, ct) => ApplyHealthAsync(cc, tt, m, h, ct), cancellationToken)),
                AlertEvent a => Inserted(await ApplyMessageAsync(c, tx, m, receivedAt, (cc, tt, ct) => ApplyAlertAsync(cc, tt, m, a, ct), cancellationToken)),
                GapsNotice => Inserted(await ApplyMessageAsync(c, tx, m, receivedAt, (_, _, _) => Task.CompletedTask, cancellationToken)),
                RejectedSeq => StoreOutcome.RejectRecorded,
                _ => throw new ArgumentException("unexpected ingest item", nameof(items)),
            };
        }
        foreach (var ((site, node, _), (sample, source, ts)) in latest) await UpsertMetricAsync(c, tx, site, node, sample, source, ts, cancellationToken);
        foreach (var part in delivery.Nodes) await AdvanceDeliveryAsync(c, tx, part, receivedAt, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return outcomes;
    }

    private static StoreOutcome Inserted(bool inserted) => inserted ? StoreOutcome.Inserted : StoreOutcome.Duplicate;

    private static Task<int> UpsertMetricAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, string node, Sample s, string source,
        DateTimeOffset ts, CancellationToken ct) =>
        ExecAsync(c, tx, """
            INSERT INTO latest_metrics(site, node, metric, value, unit, source, ts) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT(site, node, metric) DO UPDATE SET value = excluded.value, unit = excluded.unit,
                source = excluded.source, ts = excluded.ts WHERE excluded.ts >= latest_metrics.ts;
            """, ct, site, node, s.Metric, s.Value, s.Unit, source, Ms(ts));

    private static async Task ApplyHealthAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredMessage message, HealthResult result, CancellationToken ct)
    {
        var details = result.Details?.ToJsonString();
        await ExecAsync(c, tx, """
            INSERT INTO latest_health(site, node, check_name, status, summary, details, ts) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT(site, node, check_name) DO UPDATE SET status = excluded.status, summary = excluded.summary,
                details = excluded.details, ts = excluded.ts WHERE excluded.ts >= latest_health.ts;
            """, ct, message.Site, message.Node, result.Check, (int)result.Status, result.Summary, details, Ms(result.Ts));
        await FoldHealthAsync(c, tx, message.Site, message.Node, result.Check, new FoldResult(Ms(result.Ts), result.Status, details), ct);
        if (IngestRules.BackupPointOf(result) is { } backup)
        {
            await ExecAsync(c, tx, """
                INSERT INTO backup_points(site, node, check_name, last_backup_at, observed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING;
                """, ct, message.Site, message.Node, result.Check, Ms(backup), Ms(result.Ts));
        }
    }

    private static async Task ApplyAlertAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredMessage message, AlertEvent alert, CancellationToken ct)
    {
        var a = alert.Alert;
        await ExecAsync(c, tx, """
            INSERT INTO alerts(site, node, alert_id, state, priority, source, summary, summary_en, raised_at, ts)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $4 = 0 THEN $9::bigint END, $9)
            ON CONFLICT(site, node, alert_id) DO UPDATE SET state = excluded.state, priority = excluded.priority,
                source = excluded.source, summary = excluded.summary, summary_en = excluded.summary_en,
                raised_at = COALESCE(excluded.raised_at, alerts.raised_at), ts = excluded.ts
            WHERE excluded.ts >= alerts.ts;
            """, ct, message.Site, message.Node, a.Id, (int)a.State, (int)a.Priority, a.Source, a.Summary, a.SummaryEn, Ms(alert.Ts));
    }

    private static async Task<StoreOutcome> ApplyStatusAsync(NpgsqlConnection c, NpgsqlTransaction tx, StatusMessage status, DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        long? session = null;
        var online = false;
        await using (var cmd = Command(c, tx, "SELECT session, online FROM nodes WHERE site = $1 AND node = $2 FOR UPDATE;", [status.Site, status.Node]))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            if (await r.ReadAsync(cancellationToken))
            {
                session = r.GetInt64(0);
                online = r.GetBoolean(1);
            }
        }
        // contract.md session rule, as in the SQLite store: older sessions are stale; offline wins within one.
        if (session is { } s && (status.Session < s || (status.Session == s && status.Online && !online)))
        {
            return StoreOutcome.StatusStale;
        }
        await ExecAsync(c, tx, """
            INSERT INTO nodes(site, node, online, reason, session, status_ts, last_seen, agent_version, started_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT(site, node) DO UPDATE SET online = excluded.online, reason = excluded.reason, session = excluded.session,
                status_ts = excluded.status_ts, last_seen = GREATEST(COALESCE(nodes.last_seen, 0), excluded.last_seen),
                agent_version = COALESCE(excluded.agent_version, nodes.agent_version),
                started_at = COALESCE(excluded.started_at, nodes.started_at);
            """, cancellationToken, status.Site, status.Node, status.Online, status.Reason, status.Session, Ms(status.Ts), Ms(receivedAt),
            status.AgentVersion, status.StartedAt is { } st ? Ms(st) : null);
        return StoreOutcome.StatusApplied;
    }

    private static async Task<bool> ApplyMessageAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredMessage message, DateTimeOffset receivedAt,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> apply, CancellationToken ct)
    {
        var inserted = await ExecAsync(c, tx, """
            INSERT INTO messages(site, node, seq, kind, name, ts, received_at, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT(site, node, seq) DO NOTHING;
            """, ct, message.Site, message.Node, message.Seq, (int)message.Kind, message.Name, Ms(message.Ts), Ms(receivedAt), message.Payload);
        if (inserted == 0) return false;
        await apply(c, tx, ct);
        await ExecAsync(c, tx, """
            INSERT INTO nodes(site, node, online, session, last_seen) VALUES ($1, $2, FALSE, 0, $3)
            ON CONFLICT(site, node) DO UPDATE SET last_seen = GREATEST(COALESCE(nodes.last_seen, 0), $3);
            """, ct, message.Site, message.Node, Ms(message.Ts));
        return true;
    }
}
