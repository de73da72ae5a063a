using Chezlepro.Collector.Maintenance;
using Chezlepro.Contracts.Messages;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    private const string NodeColumns = "site, node, online, reason, session, last_seen, status_ts, agent_version, started_at";

    /// <inheritdoc />
    public Task<IReadOnlyList<NodeView>> GetNodesAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {NodeColumns} FROM nodes ORDER BY site, node;", ReadNode, cancellationToken);

    /// <inheritdoc />
    public async Task<(NodeView Node, IReadOnlyList<MetricView> Metrics, IReadOnlyList<HealthView> Health)?> GetLatestAsync(
        string site, string node, CancellationToken cancellationToken)
    {
        var nodes = await ListAsync($"SELECT {NodeColumns} FROM nodes WHERE site = $1 AND node = $2;", ReadNode, cancellationToken, site, node);
        if (nodes.Count == 0) return null;
        var metrics = await ListAsync("SELECT metric, value, unit, source, ts FROM latest_metrics WHERE site = $1 AND node = $2 ORDER BY metric;",
            r => new MetricView(r.GetString(0), r.GetDouble(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), FromMs(r.GetInt64(4))),
            cancellationToken, site, node);
        var health = await ListAsync("SELECT check_name, status, summary, details, ts, summary_en FROM latest_health WHERE site = $1 AND node = $2 ORDER BY check_name;",
            r => new HealthView(r.GetString(0), (HealthStatus)r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), FromMs(r.GetInt64(4)))
            {
                SummaryEn = r.IsDBNull(5) ? null : r.GetString(5),
            },
            cancellationToken, site, node);
        return (nodes[0], metrics, health);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> GetSeqsAsync(string site, string node, CancellationToken cancellationToken) =>
        ListAsync("SELECT seq FROM messages WHERE site = $1 AND node = $2 ORDER BY id;", r => r.GetInt64(0), cancellationToken, site, node);

    /// <inheritdoc />
    public async Task<int> PruneTelemetryAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        var removed = await DropMonthsBeforeAsync(c, Ms(before), cancellationToken);
        removed += await ExecAsync(c, null, "DELETE FROM messages WHERE ts < $1;", cancellationToken, Ms(before));
        // As in the SQLite store: the watermark never depends on these rows; old explanations of passed runs go with them.
        await ExecAsync(c, null, """
            DELETE FROM delivery_evicted e USING delivery d WHERE d.site = e.site AND d.node = e.node AND e.received_at < $1 AND e.to_seq <= d.watermark;
            """, cancellationToken, Ms(before));
        await ExecAsync(c, null, """
            DELETE FROM delivery_rejected x USING delivery d WHERE d.site = x.site AND d.node = x.node AND x.received_at < $1 AND x.seq <= d.watermark;
            """, cancellationToken, Ms(before));
        return removed;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BackupPoint>> GetBackupPointsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ListAsync("SELECT site, node, check_name, last_backup_at, observed_at FROM backup_points WHERE last_backup_at >= $1 ORDER BY last_backup_at;",
            r => new BackupPoint(r.GetString(0), r.GetString(1), r.GetString(2), FromMs(r.GetInt64(3)), FromMs(r.GetInt64(4))),
            cancellationToken, Ms(since));

    /// <inheritdoc />
    public Task<IReadOnlyList<MaintenanceWindow>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) =>
        ListAsync("SELECT id, start_ts, end_ts, services, reason, created_at, ended_early_at FROM maintenance_windows ORDER BY start_ts, id;",
            r => new MaintenanceWindow(r.GetString(0), FromMs(r.GetInt64(1)), FromMs(r.GetInt64(2)),
                r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries), r.GetString(4), FromMs(r.GetInt64(5)),
                r.IsDBNull(6) ? null : FromMs(r.GetInt64(6))), cancellationToken);

    /// <inheritdoc />
    public async Task SaveMaintenanceWindowAsync(MaintenanceWindow window, CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        await ExecAsync(c, null, """
            INSERT INTO maintenance_windows(id, start_ts, end_ts, services, reason, created_at, ended_early_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT(id) DO UPDATE SET start_ts = excluded.start_ts, end_ts = excluded.end_ts, services = excluded.services,
                reason = excluded.reason, created_at = excluded.created_at, ended_early_at = excluded.ended_early_at;
            """, cancellationToken, window.Id, Ms(window.Start), Ms(window.End), string.Join(',', window.Services), window.Reason,
            Ms(window.CreatedAt), window.EndedEarlyAt is { } ee ? Ms(ee) : null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> GetAcknowledgementsAsync(CancellationToken cancellationToken) =>
        (await ListAsync("SELECT incident_id, acked_at FROM incident_acks;", r => (r.GetString(0), FromMs(r.GetInt64(1))), cancellationToken))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<bool> AcknowledgeAsync(string incidentId, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        return await ExecAsync(c, null, "INSERT INTO incident_acks(incident_id, acked_at, acked_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING;",
            cancellationToken, incidentId, Ms(at), by) == 1;
    }

    /// <inheritdoc />
    public async Task<string?> GetClosedReportAsync(string month, CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        return await ScalarAsync(c, null, "SELECT report FROM closed_months WHERE month = $1;", cancellationToken, month) as string;
    }

    /// <inheritdoc />
    public async Task<bool> CloseMonthAsync(string month, string reportJson, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        return await ExecAsync(c, null, "INSERT INTO closed_months(month, report, closed_at, closed_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING;",
            cancellationToken, month, reportJson, Ms(at), by) == 1;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params object?[] args)
    {
        await using var c = await DataSource.OpenConnectionAsync(ct);
        await using var cmd = Command(c, null, sql, args);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await r.ReadAsync(ct)) list.Add(read(r));
        return list;
    }

    private static NodeView ReadNode(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4),
        r.IsDBNull(5) ? null : FromMs(r.GetInt64(5)), r.IsDBNull(6) ? null : FromMs(r.GetInt64(6)),
        r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : FromMs(r.GetInt64(8)));
}
