using Chezlepro.Collector.Storage.Watermarks;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore : IDeliveryStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<NodeWatermark>> GetWatermarksAsync(CancellationToken cancellationToken) =>
        ListAsync("""
            SELECT n.site, n.node, COALESCE(d.watermark, 0) FROM nodes n LEFT JOIN delivery d ON d.site = n.site AND d.node = n.node
            UNION SELECT site, node, watermark FROM delivery ORDER BY 1, 2;
            """, r => new NodeWatermark(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);

    /// <inheritdoc />
    public async Task<NodeDelivery?> GetDeliveryAsync(string site, string node, int lastRejected, CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot: the watermark, its pending seqs and its evicted runs read together.
        await using var tx = await c.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var row = await RowsAsync(c, tx, "SELECT watermark, last_seq, last_received_at FROM delivery WHERE site = $1 AND node = $2;",
            r => (W: r.GetInt64(0), Last: r.GetInt64(1), At: r.IsDBNull(2) ? (DateTimeOffset?)null : FromMs(r.GetInt64(2))), cancellationToken, site, node);
        if (row.Count == 0)
        {
            var known = await ScalarAsync(c, tx, "SELECT 1 FROM nodes WHERE site = $1 AND node = $2;", cancellationToken, site, node);
            return known is null ? null : new NodeDelivery(site, node, 0, 0, null, [], 0, []);
        }
        var (w, last, at) = row[0];
        var missing = await MissingAsync(c, tx, site, node, w, cancellationToken);
        var count = Convert.ToInt64(await ScalarAsync(c, tx, "SELECT COUNT(*) FROM delivery_rejected WHERE site = $1 AND node = $2;", cancellationToken, site, node));
        var rejected = await RowsAsync(c, tx, "SELECT seq, cause, received_at FROM delivery_rejected WHERE site = $1 AND node = $2 ORDER BY seq DESC LIMIT $3;",
            r => new RejectedView(r.GetInt64(0), r.GetString(1), FromMs(r.GetInt64(2))), cancellationToken, site, node, lastRejected);
        return new NodeDelivery(site, node, w, last, at, missing, count, rejected);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeliverySummary>> GetDeliverySummariesAsync(CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var rows = await RowsAsync(c, tx, "SELECT site, node, watermark FROM delivery ORDER BY site, node;", r => (r.GetString(0), r.GetString(1), r.GetInt64(2)),
            cancellationToken);
        var list = new List<DeliverySummary>(rows.Count);
        foreach (var (site, node, w) in rows) list.Add(DeliveryHoles.Summarise(site, node, w, await MissingAsync(c, tx, site, node, w, cancellationToken)));
        return list;
    }

    // The capture times of the stored seqs around each run (by the (site, node, seq) key of messages).
    private const string EvictedSpansSql = """
        SELECT e.site, e.node, e.from_seq, e.to_seq, e.reason, e.notice_seq, e.received_at,
            (SELECT m.ts FROM messages m WHERE m.site = e.site AND m.node = e.node AND m.seq < e.from_seq ORDER BY m.seq DESC LIMIT 1),
            (SELECT m.ts FROM messages m WHERE m.site = e.site AND m.node = e.node AND m.seq > e.to_seq ORDER BY m.seq LIMIT 1)
        FROM delivery_evicted e ORDER BY e.site, e.node, e.from_seq;
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<EvictedSpan>> GetEvictedSpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await ListAsync(EvictedSpansSql, r => EvictedSpan.Infer(r.GetString(0), r.GetString(1),
                new EvictedRun(r.GetInt64(2), r.GetInt64(3), r.GetString(4), r.GetInt64(5), FromMs(r.GetInt64(6))),
                r.IsDBNull(7) ? null : FromMs(r.GetInt64(7)), r.IsDBNull(8) ? null : FromMs(r.GetInt64(8))), cancellationToken))
        .Where(s => s.Overlaps(from, to)).ToList();

    private static async Task<IReadOnlyList<MissingRange>> MissingAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, string node, long watermark,
        CancellationToken ct)
    {
        var pending = await RowsAsync(c, tx, "SELECT seq, received_at FROM delivery_pending WHERE site = $1 AND node = $2;",
            r => (r.GetInt64(0), FromMs(r.GetInt64(1))), ct, site, node);
        var evicted = await ReadEvictedAsync(c, tx, site, node, long.MinValue, ct);
        // Declared evicted but stored or rejected all the same (DeliveryHoles.Find): those seqs are not missing.
        var stored = new List<long>();
        foreach (var run in evicted)
        {
            stored.AddRange(await RowsAsync(c, tx, """
                SELECT seq FROM messages WHERE site = $1 AND node = $2 AND seq BETWEEN $3 AND $4
                UNION SELECT seq FROM delivery_rejected WHERE site = $1 AND node = $2 AND seq BETWEEN $3 AND $4;
                """, r => r.GetInt64(0), ct, site, node, run.From, run.To));
        }
        return DeliveryHoles.Find(watermark, pending, evicted, stored);
    }
}
