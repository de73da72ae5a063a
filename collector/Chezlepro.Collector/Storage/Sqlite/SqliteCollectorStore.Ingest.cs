using Chezlepro.Contracts.Messages;
using Chezlepro.Collector.Storage.Folding;
using Chezlepro.Collector.Storage.Watermarks;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore
{
    /// <inheritdoc />
    public Task<StoredBatch> StoreBatchAsync(IReadOnlyList<IngestItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var c = Connection;
            using var tx = c.BeginTransaction();
            var outcomes = new StoreOutcome[items.Count];
            // Within a batch only the newest value of each metric can become "latest": one upsert per metric.
            var latest = new Dictionary<(string Site, string Node, string Metric), (Sample Sample, string Source, DateTimeOffset Ts)>();
            var delivery = new DeliveryBatch(receivedAt);
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                delivery.Add(item);
                outcomes[i] = item.Payload switch
                {
                    StatusMessage s => ApplyStatus(c, tx, s, receivedAt),
                    TelemetryBatch t => Inserted(ApplyMessage(c, tx, item.Message!, receivedAt, (_, _) => IngestRules.KeepNewest(latest, t))),
                    HealthResult h => Inserted(ApplyMessage(c, tx, item.Message!, receivedAt, (cc, tt) => ApplyHealth(cc, tt, item.Message!, h))),
                    AlertEvent a => Inserted(ApplyMessage(c, tx, item.Message!, receivedAt, (cc, tt) => ApplyAlert(cc, tt, item.Message!, a))),
                    GapsNotice => Inserted(ApplyMessage(c, tx, item.Message!, receivedAt, (_, _) => { })),
                    RejectedSeq => StoreOutcome.RejectRecorded,
                    _ => throw new ArgumentException("unexpected ingest item", nameof(items)),
                };
            }
            foreach (var ((site, node, _), (sample, source, ts)) in latest) UpsertMetric(c, tx, site, node, sample, source, ts);
            var watermarks = delivery.Nodes.Select(part => AdvanceDelivery(c, tx, part, receivedAt)).ToList();
            tx.Commit();
            return Task.FromResult(new StoredBatch(outcomes, watermarks));
        }
    }

    private static StoreOutcome Inserted(bool inserted) => inserted ? StoreOutcome.Inserted : StoreOutcome.Duplicate;

    // Upsert only when newer: replayed backlog must not overwrite a fresher live value.
    private void UpsertMetric(SqliteConnection c, SqliteTransaction tx, string site, string node, Sample s, string source, DateTimeOffset ts) =>
        Exec(c, tx, """
            INSERT INTO latest_metrics(site, node, metric, value, unit, source, ts) VALUES ($s, $n, $m, $v, $u, $src, $ts)
            ON CONFLICT(site, node, metric) DO UPDATE SET value = excluded.value, unit = excluded.unit,
                source = excluded.source, ts = excluded.ts WHERE excluded.ts >= latest_metrics.ts;
            """, ("$s", site), ("$n", node), ("$m", s.Metric), ("$v", s.Value), ("$u", s.Unit), ("$src", source), ("$ts", Ms(ts)));

    private void ApplyHealth(SqliteConnection c, SqliteTransaction tx, StoredMessage message, HealthResult result)
    {
        var details = result.Details?.ToJsonString();
        Exec(c, tx, """
                INSERT INTO latest_health(site, node, check_name, status, summary, summary_en, details, ts) VALUES ($s, $n, $c, $st, $sum, $en, $d, $ts)
                ON CONFLICT(site, node, check_name) DO UPDATE SET status = excluded.status, summary = excluded.summary,
                    summary_en = excluded.summary_en, details = excluded.details, ts = excluded.ts WHERE excluded.ts >= latest_health.ts;
                """, ("$s", message.Site), ("$n", message.Node), ("$c", result.Check), ("$st", (int)result.Status),
            ("$sum", result.Summary), ("$en", result.SummaryEn), ("$d", details), ("$ts", Ms(result.Ts)));
        FoldHealth(c, tx, message.Site, message.Node, result.Check, new FoldResult(Ms(result.Ts), result.Status, details));
        if (IngestRules.BackupPointOf(result) is { } backup)
        {
            Exec(c, tx, """
                    INSERT INTO backup_points(site, node, check_name, last_backup_at, observed_at) VALUES ($s, $n, $c, $b, $o)
                    ON CONFLICT DO NOTHING;
                    """, ("$s", message.Site), ("$n", message.Node), ("$c", result.Check), ("$b", Ms(backup)), ("$o", Ms(result.Ts)));
        }
    }

    private void ApplyAlert(SqliteConnection c, SqliteTransaction tx, StoredMessage message, AlertEvent alert)
    {
        var a = alert.Alert;
        Exec(c, tx, """
                INSERT INTO alerts(site, node, alert_id, state, priority, source, summary, summary_en, raised_at, ts)
                VALUES ($s, $n, $id, $st, $p, $src, $sum, $en, CASE WHEN $st = 0 THEN $ts END, $ts)
                ON CONFLICT(site, node, alert_id) DO UPDATE SET state = excluded.state, priority = excluded.priority,
                    source = excluded.source, summary = excluded.summary, summary_en = excluded.summary_en,
                    raised_at = COALESCE(excluded.raised_at, alerts.raised_at), ts = excluded.ts
                WHERE excluded.ts >= alerts.ts;
                """, ("$s", message.Site), ("$n", message.Node), ("$id", a.Id), ("$st", (int)a.State), ("$p", (int)a.Priority),
            ("$src", a.Source), ("$sum", a.Summary), ("$en", a.SummaryEn), ("$ts", Ms(alert.Ts)));
    }

    private StoreOutcome ApplyStatus(SqliteConnection c, SqliteTransaction tx, StatusMessage status, DateTimeOffset receivedAt)
    {
        var stored = Scalar(c, tx, "SELECT session FROM nodes WHERE site = $s AND node = $n;", ("$s", status.Site), ("$n", status.Node));
        var current = stored is null or DBNull ? (long?)null : Convert.ToInt64(stored);
        // contract.md: a status from an older session than the newest seen is ignored (a will Mosquitto
        // publishes late for a taken-over connection); within one session, offline wins over online.
        if (current is { } s && (status.Session < s || (status.Session == s && status.Online && IsOffline(c, tx, status))))
        {
            return StoreOutcome.StatusStale;
        }
        Exec(c, tx, """
            INSERT INTO nodes(site, node, online, reason, session, status_ts, last_seen, agent_version, started_at)
            VALUES ($s, $n, $on, $r, $sess, $ts, $seen, $v, $start)
            ON CONFLICT(site, node) DO UPDATE SET online = excluded.online, reason = excluded.reason, session = excluded.session,
                status_ts = excluded.status_ts, last_seen = MAX(COALESCE(nodes.last_seen, 0), excluded.last_seen),
                agent_version = COALESCE(excluded.agent_version, nodes.agent_version),
                started_at = COALESCE(excluded.started_at, nodes.started_at);
            """, ("$s", status.Site), ("$n", status.Node), ("$on", status.Online ? 1 : 0), ("$r", status.Reason),
            ("$sess", status.Session), ("$ts", Ms(status.Ts)), ("$seen", Ms(receivedAt)), ("$v", status.AgentVersion),
            ("$start", status.StartedAt is { } st ? Ms(st) : null));
        return StoreOutcome.StatusApplied;
    }

    private bool IsOffline(SqliteConnection c, SqliteTransaction tx, StatusMessage status) =>
        Convert.ToInt64(Scalar(c, tx, "SELECT online FROM nodes WHERE site = $s AND node = $n;", ("$s", status.Site), ("$n", status.Node))) == 0;

    private bool ApplyMessage(SqliteConnection c, SqliteTransaction tx, StoredMessage message, DateTimeOffset receivedAt, Action<SqliteConnection, SqliteTransaction> apply)
    {
        var inserted = Exec(c, tx, """
            INSERT INTO messages(site, node, seq, kind, name, ts, received_at, payload) VALUES ($s, $n, $seq, $k, $name, $ts, $rx, $p)
            ON CONFLICT(site, node, seq) DO NOTHING;
            """, ("$s", message.Site), ("$n", message.Node), ("$seq", message.Seq), ("$k", (int)message.Kind),
            ("$name", message.Name), ("$ts", Ms(message.Ts)), ("$rx", Ms(receivedAt)), ("$p", message.Payload));
        if (inserted == 0) return false;
        apply(c, tx);
        // Any message proves the node was alive when it captured it; last_seen follows capture time.
        Exec(c, tx, """
            INSERT INTO nodes(site, node, online, session, last_seen) VALUES ($s, $n, 0, 0, $seen)
            ON CONFLICT(site, node) DO UPDATE SET last_seen = MAX(COALESCE(nodes.last_seen, 0), $seen);
            """, ("$s", message.Site), ("$n", message.Node), ("$seen", Ms(message.Ts)));
        return true;
    }
}
