using Microsoft.Data.Sqlite;

namespace Chezlepro.Agent.Outbox;

public sealed partial class SqliteOutbox
{
    private const int AdoptChunk = 512;

    // meta('fresh') = 1 only on a file this install created empty; cleared by the first watermark accepted or adopted.
    private static async Task MarkFreshAsync(SqliteConnection connection, bool created, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT OR IGNORE INTO meta(key, value) VALUES ('fresh', $fresh), ('adoptions', 0);";
        cmd.Parameters.AddWithValue("$fresh", created ? 1 : 0);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> IsFreshAsync(SqliteTransaction tx, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync(Connection, "SELECT COALESCE((SELECT value FROM meta WHERE key = 'fresh'), 0);", cancellationToken, tx)) == 1;

    /// <summary>
    /// A fresh outbox meets its node's watermark from before the file was lost (README.md, a lost outbox file): every kept
    /// row (none was acknowledged: the outbox is fresh) moves from seq s to s + <paramref name="through"/>, payload
    /// included, and goes back to waiting (the collector dropped what it got as duplicates); the counter and the
    /// watermark follow. The caller's transaction makes it all or nothing. Returns the rows renumbered.
    /// </summary>
    private async Task<long> AdoptInAsync(SqliteTransaction tx, long through, long next, CancellationToken cancellationToken)
    {
        // through ≥ next: every new seq (≥ through + 1) is above every old one (< next), so no row collides and the
        // chunked read below (seq < next) never meets a row it has already moved.
        long moved = 0;
        long after = 0;
        await using var update = Connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "UPDATE outbox SET seq = $new, payload = $payload, sent_at = NULL WHERE seq = $old;";
        var pNew = update.Parameters.Add("$new", SqliteType.Integer);
        var pPayload = update.Parameters.Add("$payload", SqliteType.Blob);
        var pOld = update.Parameters.Add("$old", SqliteType.Integer);
        while (true)
        {
            var rows = new List<(long Seq, byte[] Payload)>(AdoptChunk);
            await using (var read = Connection.CreateCommand())
            {
                read.Transaction = tx;
                read.CommandText = "SELECT seq, payload FROM outbox WHERE seq > $after AND seq < $next ORDER BY seq LIMIT $max;";
                read.Parameters.AddWithValue("$after", after);
                read.Parameters.AddWithValue("$next", next);
                read.Parameters.AddWithValue("$max", AdoptChunk);
                await using var r = await read.ExecuteReaderAsync(cancellationToken);
                while (await r.ReadAsync(cancellationToken)) rows.Add((r.GetInt64(0), (byte[])r.GetValue(1)));
            }
            if (rows.Count == 0) break;
            foreach (var (seq, payload) in rows)
            {
                pOld.Value = seq;
                pNew.Value = seq + through;
                pPayload.Value = SeqShift.Apply(payload, through);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
            moved += rows.Count;
            after = rows[^1].Seq;
        }
        await using var meta = Connection.CreateCommand();
        meta.Transaction = tx;
        meta.CommandText = """
            UPDATE meta SET value = $next WHERE key = 'next_seq';
            UPDATE meta SET value = $through WHERE key = 'watermark';
            UPDATE meta SET value = 0 WHERE key = 'fresh';
            UPDATE meta SET value = value + 1 WHERE key = 'adoptions';
            """;
        meta.Parameters.AddWithValue("$next", next + through);
        meta.Parameters.AddWithValue("$through", through);
        await meta.ExecuteNonQueryAsync(cancellationToken);
        return moved;
    }
}
