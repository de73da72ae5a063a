using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<NodeView>> GetNodesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var cmd = Command(Connection, null,
                "SELECT site, node, online, reason, session, last_seen, status_ts, agent_version, started_at FROM nodes ORDER BY site, node;", []);
            using var r = cmd.ExecuteReader();
            var list = new List<NodeView>();
            while (r.Read()) list.Add(ReadNode(r));
            return Task.FromResult<IReadOnlyList<NodeView>>(list);
        }
    }

    /// <inheritdoc />
    public Task<(NodeView Node, IReadOnlyList<MetricView> Metrics, IReadOnlyList<HealthView> Health)?> GetLatestAsync(
        string site, string node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var c = Connection;
            NodeView view;
            using (var cmd = Command(c, null, "SELECT site, node, online, reason, session, last_seen, status_ts, agent_version, started_at FROM nodes WHERE site = $s AND node = $n;",
                       [("$s", site), ("$n", node)]))
            using (var r = cmd.ExecuteReader())
            {
                if (!r.Read()) return Task.FromResult<(NodeView, IReadOnlyList<MetricView>, IReadOnlyList<HealthView>)?>(null);
                view = ReadNode(r);
            }
            var metrics = new List<MetricView>();
            using (var cmd = Command(c, null, "SELECT metric, value, unit, source, ts FROM latest_metrics WHERE site = $s AND node = $n ORDER BY metric;",
                       [("$s", site), ("$n", node)]))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read()) metrics.Add(new MetricView(r.GetString(0), r.GetDouble(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), FromMs(r.GetInt64(4))));
            }
            var health = new List<HealthView>();
            using (var cmd = Command(c, null, "SELECT check_name, status, summary, details, ts, summary_en FROM latest_health WHERE site = $s AND node = $n ORDER BY check_name;",
                       [("$s", site), ("$n", node)]))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    health.Add(new HealthView(r.GetString(0), (HealthStatus)r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), FromMs(r.GetInt64(4)))
                    {
                        SummaryEn = r.IsDBNull(5) ? null : r.GetString(5),
                    });
                }
            }
            return Task.FromResult<(NodeView, IReadOnlyList<MetricView>, IReadOnlyList<HealthView>)?>((view, metrics, health));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> GetSeqsAsync(string site, string node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var cmd = Command(Connection, null, "SELECT seq FROM messages WHERE site = $s AND node = $n ORDER BY id;", [("$s", site), ("$n", node)]);
            using var r = cmd.ExecuteReader();
            var list = new List<long>();
            while (r.Read()) list.Add(r.GetInt64(0));
            return Task.FromResult<IReadOnlyList<long>>(list);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CheckIntervalRow>> GetCheckIntervalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<CheckIntervalRow>>(ReadAllIntervals(null, Ms(from), Ms(to)));
    }

    /// <inheritdoc />
    public Task<int> PruneTelemetryAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Raw rows of every kind go after the retention: state intervals and alerts keep the facts, and
            // no agent can replay anything that old (its outbox keeps at most Outbox:MaxAge).
            var removed = Exec(Connection, null, "DELETE FROM messages WHERE ts < $before;", ("$before", Ms(before)));
            // The watermark is kept in its own row and walks pending seqs, never these rows: pruning cannot move it back
            // or stall it. Explanations of runs it passed long ago go with the data they explained.
            Exec(Connection, null, DeliveryPrune, ("$before", Ms(before)));
            return Task.FromResult(removed);
        }
    }

    private const string DeliveryPrune = """
        DELETE FROM delivery_evicted WHERE received_at < $before AND to_seq <=
            (SELECT d.watermark FROM delivery d WHERE d.site = delivery_evicted.site AND d.node = delivery_evicted.node);
        DELETE FROM delivery_rejected WHERE received_at < $before AND seq <=
            (SELECT d.watermark FROM delivery d WHERE d.site = delivery_rejected.site AND d.node = delivery_rejected.node);
        """;

    private static NodeView ReadNode(Microsoft.Data.Sqlite.SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt64(2) == 1, r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4),
        r.IsDBNull(5) ? null : FromMs(r.GetInt64(5)), r.IsDBNull(6) ? null : FromMs(r.GetInt64(6)),
        r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : FromMs(r.GetInt64(8)));
}
