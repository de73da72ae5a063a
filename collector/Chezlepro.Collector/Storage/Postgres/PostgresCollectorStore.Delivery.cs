using Chezlepro.Collector.Storage.Watermarks;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    // Pending seqs are read in chunks: a long hole that fills at once is walked chunk by chunk, never all in memory.
    private const int PendingChunk = 4096;

    // The batch's first round trip reads only each node's lowest pending seq: the walk after every commit is maximal, so
    // watermark + 1 is never pending and pending seqs matter only once the batch's own seqs (or a notice) moved the walk
    // up to them. A node with a lasting hole (a seq lost for good until the agent's notice) then costs one row per batch
    // instead of a chunk of 4,096 (issue #16: the group bench's warm-up made exactly that hole).
    private const int FirstPendingRead = 1;

    // Storage/Watermarks/README.md. The nodes' delivery rows are locked (sorted) in the batch's first round trip, before its
    // messages are written; the reads that follow in that round trip each see every row other collectors committed.
    private static void LockDelivery(PgArrays b, DeliveryBatch delivery, BatchRead read)
    {
        var nodes = delivery.Nodes.ToList();
        if (nodes.Count == 0) return;
        b.Query("""
            INSERT INTO delivery(site, node, watermark, last_seq) SELECT site, node, 0, 0 FROM unnest($1::text[], $2::text[]) AS d(site, node)
            ORDER BY site, node
            ON CONFLICT(site, node) DO UPDATE SET watermark = delivery.watermark RETURNING site, node, watermark;
            """, r => read.Watermarks[(r.GetString(0), r.GetString(1))] = r.GetInt64(2),
            nodes.Select(n => n.Site).ToArray(), nodes.Select(n => n.Node).ToArray());
    }

    private static void ReadDelivery(PgArrays b, DeliveryBatch delivery, BatchRead read, long rx)
    {
        var nodes = delivery.Nodes.ToList();
        if (nodes.Count == 0) return;
        var rejected = nodes.SelectMany(n => n.Rejected).ToList();
        if (rejected.Count > 0)
        {
            b.Add("""
                INSERT INTO delivery_rejected(site, node, seq, cause, received_at)
                SELECT site, node, seq, cause, $5 FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) AS r(site, node, seq, cause) ON CONFLICT DO NOTHING;
                """, rejected.Select(r => r.Site).ToArray(), rejected.Select(r => r.Node).ToArray(), rejected.Select(r => r.Seq).ToArray(),
                rejected.Select(r => r.Cause).ToArray(), rx);
        }
        var evicted = nodes.SelectMany(n => n.Evicted.Select(e => (n.Site, n.Node, Run: e))).ToList();
        if (evicted.Count > 0)
        {
            b.Add("""
                INSERT INTO delivery_evicted(site, node, from_seq, to_seq, reason, notice_seq, received_at)
                SELECT site, node, from_seq, to_seq, reason, notice_seq, $7
                FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::bigint[]) AS e(site, node, from_seq, to_seq, reason, notice_seq)
                ON CONFLICT DO NOTHING;
                """, evicted.Select(e => e.Site).ToArray(), evicted.Select(e => e.Node).ToArray(), evicted.Select(e => e.Run.From).ToArray(),
                evicted.Select(e => e.Run.To).ToArray(), evicted.Select(e => e.Run.Reason).ToArray(), evicted.Select(e => e.Run.NoticeSeq).ToArray(), rx);
        }
        var sites = nodes.Select(n => n.Site).ToArray();
        var names = nodes.Select(n => n.Node).ToArray();
        b.Query("""
            SELECT e.site, e.node, e.from_seq, e.to_seq, e.reason, e.notice_seq, e.received_at
            FROM unnest($1::text[], $2::text[]) AS k(site, node) JOIN delivery d ON d.site = k.site AND d.node = k.node
            JOIN delivery_evicted e ON e.site = k.site AND e.node = k.node AND e.to_seq > d.watermark ORDER BY e.from_seq;
            """, r => BatchRead.ListOf(read.Evicted, (r.GetString(0), r.GetString(1))).Add(
                new EvictedRun(r.GetInt64(2), r.GetInt64(3), r.GetString(4), r.GetInt64(5), FromMs(r.GetInt64(6)))), sites, names);
        b.Query("""
            SELECT k.site, k.node, p.seq FROM unnest($1::text[], $2::text[]) AS k(site, node) JOIN delivery d ON d.site = k.site AND d.node = k.node
            CROSS JOIN LATERAL (SELECT seq FROM delivery_pending x WHERE x.site = k.site AND x.node = k.node AND x.seq > d.watermark ORDER BY seq LIMIT $3) AS p
            ORDER BY p.seq;
            """, r => BatchRead.ListOf(read.Pending, (r.GetString(0), r.GetString(1))).Add(r.GetInt64(2)), sites, names, FirstPendingRead);
    }

    // The walk of WatermarkWalk from the stored watermark over the batch's seqs, the pending seqs (more chunks read only when
    // the first one is used up) and the evicted runs; the writes join the batch's second round trip. Returns the watermarks
    // it writes: the rows are locked since the first round trip, so they are what the commit leaves.
    private static async Task<List<NodeWatermark>> AdvanceDeliveryAsync(NpgsqlConnection c, NpgsqlTransaction? tx, PgArrays writes, DeliveryBatch delivery, BatchRead read,
        long rx, CancellationToken ct)
    {
        var done = new List<(NodeBatch Part, long Watermark, long[] Above)>();
        foreach (var part in delivery.Nodes)
        {
            var key = (part.Site, part.Node);
            var before = read.Watermarks[key];
            var evicted = read.Evicted.TryGetValue(key, out var runs) ? runs : [];
            var pending = read.Pending.TryGetValue(key, out var p) ? p : [];
            var known = new SortedSet<long>(part.Seqs);
            known.UnionWith(pending);
            var w = WatermarkWalk.Advance(before, known, evicted);
            var full = pending.Count == FirstPendingRead;
            while (full && w >= pending[^1])
            {
                pending = await RowsAsync(c, tx, "SELECT seq FROM delivery_pending WHERE site = $1 AND node = $2 AND seq > $3 ORDER BY seq LIMIT $4;",
                    r => r.GetInt64(0), ct, part.Site, part.Node, w, PendingChunk);
                if (pending.Count == 0 || pending[0] != w + 1) break;
                full = pending.Count == PendingChunk;
                known.UnionWith(pending);
                w = WatermarkWalk.Advance(w, known, evicted);
            }
            done.Add((part, w, part.Seqs.GetViewBetween(w + 1, long.MaxValue).ToArray()));
        }
        WriteDelivery(writes, done, rx);
        return done.Select(d => new NodeWatermark(d.Part.Site, d.Part.Node, Math.Max(read.Watermarks[(d.Part.Site, d.Part.Node)], d.Watermark))).ToList();
    }

    private static void WriteDelivery(PgArrays b, List<(NodeBatch Part, long Watermark, long[] Above)> done, long rx)
    {
        var sites = done.Select(d => d.Part.Site).ToArray();
        var nodes = done.Select(d => d.Part.Node).ToArray();
        var marks = done.Select(d => d.Watermark).ToArray();
        b.Add("""
            DELETE FROM delivery_pending p USING unnest($1::text[], $2::text[], $3::bigint[]) AS k(site, node, w)
            WHERE p.site = k.site AND p.node = k.node AND p.seq <= k.w;
            """, sites, nodes, marks);
        var above = done.SelectMany(d => d.Above.Select(s => (d.Part.Site, d.Part.Node, Seq: s))).ToList();
        if (above.Count > 0)
        {
            b.Add("""
                INSERT INTO delivery_pending(site, node, seq, received_at) SELECT site, node, seq, $4 FROM unnest($1::text[], $2::text[], $3::bigint[]) AS a(site, node, seq)
                ON CONFLICT DO NOTHING;
                """, above.Select(a => a.Site).ToArray(), above.Select(a => a.Node).ToArray(), above.Select(a => a.Seq).ToArray(), rx);
        }
        b.Add("""
            UPDATE delivery d SET watermark = GREATEST(d.watermark, k.w), last_seq = GREATEST(d.last_seq, k.last_seq), last_received_at = $5
            FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) AS k(site, node, w, last_seq) WHERE d.site = k.site AND d.node = k.node;
            """, sites, nodes, marks, done.Select(d => d.Part.MaxSeq).ToArray(), rx);
    }

    private static Task<List<EvictedRun>> ReadEvictedAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string site, string node, long above, CancellationToken ct) =>
        RowsAsync(c, tx, """
            SELECT from_seq, to_seq, reason, notice_seq, received_at FROM delivery_evicted
            WHERE site = $1 AND node = $2 AND to_seq > $3 ORDER BY from_seq;
            """, r => new EvictedRun(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3), FromMs(r.GetInt64(4))), ct, site, node, above);

    private static async Task<List<T>> RowsAsync<T>(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct,
        params object?[] args)
    {
        await using var cmd = Command(c, tx, sql, args);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await r.ReadAsync(ct)) list.Add(read(r));
        return list;
    }
}
