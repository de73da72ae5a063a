using Chezlepro.Collector.Storage.Watermarks;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore : IDeliveryStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<NodeWatermark>> GetWatermarksAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<NodeWatermark>>(Rows(Connection, null, """
                SELECT n.site, n.node, COALESCE(d.watermark, 0) FROM nodes n LEFT JOIN delivery d ON d.site = n.site AND d.node = n.node
                UNION SELECT site, node, watermark FROM delivery ORDER BY 1, 2;
                """, r => new NodeWatermark(r.GetString(0), r.GetString(1), r.GetInt64(2))));
        }
    }

    /// <inheritdoc />
    public Task<NodeDelivery?> GetDeliveryAsync(string site, string node, int lastRejected, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var c = Connection;
            var row = Rows(c, null, "SELECT watermark, last_seq, last_received_at FROM delivery WHERE site = $s AND node = $n;",
                r => (W: r.GetInt64(0), Last: r.GetInt64(1), At: r.IsDBNull(2) ? (DateTimeOffset?)null : FromMs(r.GetInt64(2))), ("$s", site), ("$n", node));
            if (row.Count == 0)
            {
                var known = Scalar(c, null, "SELECT 1 FROM nodes WHERE site = $s AND node = $n;", ("$s", site), ("$n", node));
                return Task.FromResult(known is null ? null : new NodeDelivery(site, node, 0, 0, null, [], 0, []));
            }
            var (w, last, at) = row[0];
            var missing = Missing(c, site, node, w);
            var count = Convert.ToInt64(Scalar(c, null, "SELECT COUNT(*) FROM delivery_rejected WHERE site = $s AND node = $n;", ("$s", site), ("$n", node)));
            var rejected = Rows(c, null, "SELECT seq, cause, received_at FROM delivery_rejected WHERE site = $s AND node = $n ORDER BY seq DESC LIMIT $l;",
                r => new RejectedView(r.GetInt64(0), r.GetString(1), FromMs(r.GetInt64(2))), ("$s", site), ("$n", node), ("$l", lastRejected));
            return Task.FromResult<NodeDelivery?>(new NodeDelivery(site, node, w, last, at, missing, count, rejected));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeliverySummary>> GetDeliverySummariesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var c = Connection;
            var rows = Rows(c, null, "SELECT site, node, watermark FROM delivery ORDER BY site, node;", r => (r.GetString(0), r.GetString(1), r.GetInt64(2)));
            return Task.FromResult<IReadOnlyList<DeliverySummary>>(
                rows.Select(x => DeliveryHoles.Summarise(x.Item1, x.Item2, x.Item3, Missing(c, x.Item1, x.Item2, x.Item3))).ToList());
        }
    }

    // The capture times of the stored seqs around each run (by the (site, node, seq) key of messages).
    private const string EvictedSpansSql = """
        SELECT e.site, e.node, e.from_seq, e.to_seq, e.reason, e.notice_seq, e.received_at,
            (SELECT m.ts FROM messages m WHERE m.site = e.site AND m.node = e.node AND m.seq < e.from_seq ORDER BY m.seq DESC LIMIT 1),
            (SELECT m.ts FROM messages m WHERE m.site = e.site AND m.node = e.node AND m.seq > e.to_seq ORDER BY m.seq LIMIT 1)
        FROM delivery_evicted e ORDER BY e.site, e.node, e.from_seq;
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<EvictedSpan>> GetEvictedSpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<EvictedSpan>>(Rows(Connection, null, EvictedSpansSql, r => EvictedSpan.Infer(r.GetString(0), r.GetString(1),
                    new EvictedRun(r.GetInt64(2), r.GetInt64(3), r.GetString(4), r.GetInt64(5), FromMs(r.GetInt64(6))),
                    r.IsDBNull(7) ? null : FromMs(r.GetInt64(7)), r.IsDBNull(8) ? null : FromMs(r.GetInt64(8))))
                .Where(s => s.Overlaps(from, to)).ToList());
        }
    }

    private IReadOnlyList<MissingRange> Missing(SqliteConnection c, string site, string node, long watermark)
    {
        var pending = Rows(c, null, "SELECT seq, received_at FROM delivery_pending WHERE site = $s AND node = $n;",
            r => (r.GetInt64(0), FromMs(r.GetInt64(1))), ("$s", site), ("$n", node));
        var evicted = ReadEvicted(c, null, site, node, long.MinValue);
        // Declared evicted but stored or rejected all the same (DeliveryHoles.Find): those seqs are not missing.
        var stored = evicted.SelectMany(run => Rows(c, null, """
            SELECT seq FROM messages WHERE site = $s AND node = $n AND seq BETWEEN $f AND $t
            UNION SELECT seq FROM delivery_rejected WHERE site = $s AND node = $n AND seq BETWEEN $f AND $t;
            """, r => r.GetInt64(0), ("$s", site), ("$n", node), ("$f", run.From), ("$t", run.To))).ToList();
        return DeliveryHoles.Find(watermark, pending, evicted, stored);
    }
}
