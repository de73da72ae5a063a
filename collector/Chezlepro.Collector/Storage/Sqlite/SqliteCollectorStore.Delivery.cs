using Chezlepro.Collector.Storage.Watermarks;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore
{
    // Pending seqs are read in chunks: a long hole that fills at once is walked chunk by chunk, never all in memory.
    private const int PendingChunk = 4096;

    // Storage/Watermarks/README.md: runs inside the batch's transaction, after its messages were written; returns the
    // watermark it wrote.
    private NodeWatermark AdvanceDelivery(SqliteConnection c, SqliteTransaction tx, NodeBatch part, DateTimeOffset receivedAt)
    {
        var rx = Ms(receivedAt);
        Exec(c, tx, "INSERT INTO delivery(site, node, watermark, last_seq) VALUES ($s, $n, 0, 0) ON CONFLICT DO NOTHING;",
            ("$s", part.Site), ("$n", part.Node));
        foreach (var r in part.Rejected)
        {
            Exec(c, tx, "INSERT INTO delivery_rejected(site, node, seq, cause, received_at) VALUES ($s, $n, $q, $c, $rx) ON CONFLICT DO NOTHING;",
                ("$s", part.Site), ("$n", part.Node), ("$q", r.Seq), ("$c", r.Cause), ("$rx", rx));
        }
        foreach (var e in part.Evicted)
        {
            Exec(c, tx, """
                INSERT INTO delivery_evicted(site, node, from_seq, to_seq, reason, notice_seq, received_at) VALUES ($s, $n, $f, $t, $r, $q, $rx)
                ON CONFLICT DO NOTHING;
                """, ("$s", part.Site), ("$n", part.Node), ("$f", e.From), ("$t", e.To), ("$r", e.Reason), ("$q", e.NoticeSeq), ("$rx", rx));
        }
        var before = Convert.ToInt64(Scalar(c, tx, "SELECT watermark FROM delivery WHERE site = $s AND node = $n;", ("$s", part.Site), ("$n", part.Node)));
        var evicted = ReadEvicted(c, tx, part.Site, part.Node, before);
        var known = new SortedSet<long>(part.Seqs);
        var w = WatermarkWalk.Advance(before, known, evicted);
        // The walk after every commit is maximal, so before + 1 is never pending: pending seqs can only continue a walk
        // the batch itself moved (a node with a lasting hole then reads nothing here, batch after batch).
        while (w > before)
        {
            var chunk = Rows(c, tx, "SELECT seq FROM delivery_pending WHERE site = $s AND node = $n AND seq > $w ORDER BY seq LIMIT $l;",
                r => r.GetInt64(0), ("$s", part.Site), ("$n", part.Node), ("$w", w), ("$l", PendingChunk));
            if (chunk.Count == 0 || chunk[0] != w + 1) break;
            known.UnionWith(chunk);
            w = WatermarkWalk.Advance(w, known, evicted);
        }
        Exec(c, tx, "DELETE FROM delivery_pending WHERE site = $s AND node = $n AND seq <= $w;", ("$s", part.Site), ("$n", part.Node), ("$w", w));
        foreach (var seq in part.Seqs.GetViewBetween(w + 1, long.MaxValue))
        {
            Exec(c, tx, "INSERT INTO delivery_pending(site, node, seq, received_at) VALUES ($s, $n, $q, $rx) ON CONFLICT DO NOTHING;",
                ("$s", part.Site), ("$n", part.Node), ("$q", seq), ("$rx", rx));
        }
        Exec(c, tx, """
            UPDATE delivery SET watermark = MAX(watermark, $w), last_seq = MAX(last_seq, $m), last_received_at = $rx WHERE site = $s AND node = $n;
            """, ("$s", part.Site), ("$n", part.Node), ("$w", w), ("$m", part.MaxSeq), ("$rx", rx));
        return new NodeWatermark(part.Site, part.Node, Math.Max(before, w));
    }

    private List<EvictedRun> ReadEvicted(SqliteConnection c, SqliteTransaction? tx, string site, string node, long above) =>
        Rows(c, tx, """
            SELECT from_seq, to_seq, reason, notice_seq, received_at FROM delivery_evicted
            WHERE site = $s AND node = $n AND to_seq > $w ORDER BY from_seq;
            """, r => new EvictedRun(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3), FromMs(r.GetInt64(4))),
            ("$s", site), ("$n", node), ("$w", above));

    private List<T> Rows<T>(SqliteConnection c, SqliteTransaction? tx, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] args)
    {
        using var r = Cached(c, tx, sql, args).ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }
}
