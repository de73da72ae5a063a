using Chezlepro.Collector.Storage.Watermarks;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    // Pending seqs are read in chunks: a long hole that fills at once is walked chunk by chunk, never all in memory.
    private const int PendingChunk = 4096;

    // Storage/Watermarks/README.md: runs inside the batch's transaction, after its messages were written. The row lock on
    // the node's delivery row serialises collectors sharing the database; the walk then sees every committed row.
    private static async Task AdvanceDeliveryAsync(NpgsqlConnection c, NpgsqlTransaction tx, NodeBatch part, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var rx = Ms(receivedAt);
        await ExecAsync(c, tx, "INSERT INTO delivery(site, node, watermark, last_seq) VALUES ($1, $2, 0, 0) ON CONFLICT DO NOTHING;", ct, part.Site, part.Node);
        var before = Convert.ToInt64(await ScalarAsync(c, tx, "SELECT watermark FROM delivery WHERE site = $1 AND node = $2 FOR UPDATE;", ct, part.Site, part.Node));
        foreach (var r in part.Rejected)
        {
            await ExecAsync(c, tx, "INSERT INTO delivery_rejected(site, node, seq, cause, received_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING;",
                ct, part.Site, part.Node, r.Seq, r.Cause, rx);
        }
        foreach (var e in part.Evicted)
        {
            await ExecAsync(c, tx, """
                INSERT INTO delivery_evicted(site, node, from_seq, to_seq, reason, notice_seq, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT DO NOTHING;
                """, ct, part.Site, part.Node, e.From, e.To, e.Reason, e.NoticeSeq, rx);
        }
        var evicted = await ReadEvictedAsync(c, tx, part.Site, part.Node, before, ct);
        var known = new SortedSet<long>(part.Seqs);
        var w = WatermarkWalk.Advance(before, known, evicted);
        while (true)
        {
            var chunk = await RowsAsync(c, tx, "SELECT seq FROM delivery_pending WHERE site = $1 AND node = $2 AND seq > $3 ORDER BY seq LIMIT $4;",
                r => r.GetInt64(0), ct, part.Site, part.Node, w, PendingChunk);
            if (chunk.Count == 0 || chunk[0] != w + 1) break;
            known.UnionWith(chunk);
            w = WatermarkWalk.Advance(w, known, evicted);
        }
        await ExecAsync(c, tx, "DELETE FROM delivery_pending WHERE site = $1 AND node = $2 AND seq <= $3;", ct, part.Site, part.Node, w);
        var above = part.Seqs.GetViewBetween(w + 1, long.MaxValue).ToArray();
        if (above.Length > 0)
        {
            await ExecAsync(c, tx, """
                INSERT INTO delivery_pending(site, node, seq, received_at) SELECT $1, $2, s, $4 FROM unnest($3::bigint[]) AS s ON CONFLICT DO NOTHING;
                """, ct, part.Site, part.Node, above, rx);
        }
        await ExecAsync(c, tx, """
            UPDATE delivery SET watermark = GREATEST(watermark, $3), last_seq = GREATEST(last_seq, $4), last_received_at = $5 WHERE site = $1 AND node = $2;
            """, ct, part.Site, part.Node, w, part.MaxSeq, rx);
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
