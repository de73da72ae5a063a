using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// The "latest" tables a batch changes, reduced in memory to one row per key (an upsert may not touch a row twice):
/// the newest item of a key wins, later in the batch at equal times, as it did statement by statement.
/// </summary>
internal sealed class LatestRows
{
    private readonly Dictionary<(string, string, string), (Sample, string, DateTimeOffset)> _metrics = [];
    private readonly Dictionary<(string, string, string), (HealthResult Result, long Ts, string? Details)> _health = [];
    private readonly Dictionary<(string, string, string), (Alert Alert, long Ts, long? RaisedAt)> _alerts = [];
    private readonly List<(string Site, string Node, string Check, long At, long Observed)> _backups = [];

    /// <summary>Adds a newly stored message.</summary>
    public void Add(StoredMessage m, object payload)
    {
        switch (payload)
        {
            case TelemetryBatch t:
                IngestRules.KeepNewest(_metrics, t);
                break;
            case HealthResult h:
                var hts = h.Ts.ToUnixTimeMilliseconds();
                if (!_health.TryGetValue((m.Site, m.Node, h.Check), out var was) || was.Ts <= hts)
                    _health[(m.Site, m.Node, h.Check)] = (h, hts, h.Details?.ToJsonString());
                if (IngestRules.BackupPointOf(h) is { } backup) _backups.Add((m.Site, m.Node, h.Check, backup.ToUnixTimeMilliseconds(), hts));
                break;
            case AlertEvent a:
                var ats = a.Ts.ToUnixTimeMilliseconds();
                var raised = a.Alert.State == 0 ? ats : (long?)null;
                if (!_alerts.TryGetValue((m.Site, m.Node, a.Alert.Id), out var old)) _alerts[(m.Site, m.Node, a.Alert.Id)] = (a.Alert, ats, raised);
                else if (old.Ts <= ats) _alerts[(m.Site, m.Node, a.Alert.Id)] = (a.Alert, ats, raised ?? old.RaisedAt);
                break;
        }
    }

    /// <summary>Adds the upserts to the batch's second round trip.</summary>
    public void Write(PgArrays b)
    {
        if (_metrics.Count > 0)
        {
            var m = _metrics.ToList();
            b.Add("""
                INSERT INTO latest_metrics(site, node, metric, value, unit, source, ts)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::double precision[], $5::text[], $6::text[], $7::bigint[])
                ON CONFLICT(site, node, metric) DO UPDATE SET value = excluded.value, unit = excluded.unit,
                    source = excluded.source, ts = excluded.ts WHERE excluded.ts >= latest_metrics.ts;
                """, m.Select(p => p.Key.Item1).ToArray(), m.Select(p => p.Key.Item2).ToArray(), m.Select(p => p.Key.Item3).ToArray(),
                m.Select(p => p.Value.Item1.Value).ToArray(), m.Select(p => p.Value.Item1.Unit).ToArray(), m.Select(p => p.Value.Item2).ToArray(),
                m.Select(p => p.Value.Item3.ToUnixTimeMilliseconds()).ToArray());
        }
        if (_health.Count > 0)
        {
            var h = _health.ToList();
            b.Add("""
                INSERT INTO latest_health(site, node, check_name, status, summary, details, ts, summary_en)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::bigint[], $8::text[])
                ON CONFLICT(site, node, check_name) DO UPDATE SET status = excluded.status, summary = excluded.summary,
                    summary_en = excluded.summary_en, details = excluded.details, ts = excluded.ts WHERE excluded.ts >= latest_health.ts;
                """, h.Select(p => p.Key.Item1).ToArray(), h.Select(p => p.Key.Item2).ToArray(), h.Select(p => p.Key.Item3).ToArray(),
                h.Select(p => (int)p.Value.Result.Status).ToArray(), h.Select(p => p.Value.Result.Summary).ToArray(), h.Select(p => p.Value.Details).ToArray(),
                h.Select(p => p.Value.Ts).ToArray(), h.Select(p => p.Value.Result.SummaryEn).ToArray());
        }
        WriteAlerts(b);
        if (_backups.Count > 0)
        {
            b.Add("""
                INSERT INTO backup_points(site, node, check_name, last_backup_at, observed_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[]) ON CONFLICT DO NOTHING;
                """, _backups.Select(p => p.Site).ToArray(), _backups.Select(p => p.Node).ToArray(), _backups.Select(p => p.Check).ToArray(),
                _backups.Select(p => p.At).ToArray(), _backups.Select(p => p.Observed).ToArray());
        }
    }

    private void WriteAlerts(PgArrays b)
    {
        if (_alerts.Count == 0) return;
        var a = _alerts.ToList();
        b.Add("""
            INSERT INTO alerts(site, node, alert_id, state, priority, source, summary, summary_en, raised_at, ts)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::bigint[])
            ON CONFLICT(site, node, alert_id) DO UPDATE SET state = excluded.state, priority = excluded.priority,
                source = excluded.source, summary = excluded.summary, summary_en = excluded.summary_en,
                raised_at = COALESCE(excluded.raised_at, alerts.raised_at), ts = excluded.ts
            WHERE excluded.ts >= alerts.ts;
            """, a.Select(p => p.Key.Item1).ToArray(), a.Select(p => p.Key.Item2).ToArray(), a.Select(p => p.Key.Item3).ToArray(),
            a.Select(p => (int)p.Value.Alert.State).ToArray(), a.Select(p => (int)p.Value.Alert.Priority).ToArray(), a.Select(p => p.Value.Alert.Source).ToArray(),
            a.Select(p => p.Value.Alert.Summary).ToArray(), a.Select(p => p.Value.Alert.SummaryEn).ToArray(), a.Select(p => p.Value.RaisedAt).ToArray(),
            a.Select(p => p.Value.Ts).ToArray());
    }
}
