using Microsoft.Data.Sqlite;

namespace Chezlepro.Agent.Outbox;

public sealed partial class SqliteOutbox
{
    private const int AdoptChunk = 512;

    // meta('fresh'): 0 not fresh; FreshHolding on a file this install created empty, until it hears its node's retained
    // watermark or gives up waiting for it (ReleaseFreshHoldAsync); FreshReleased after that, until the first watermark
    // accepted or adopted.
    private const long FreshHolding = 1;
    private const long FreshReleased = 2;

    private static async Task MarkFreshAsync(SqliteConnection connection, bool created, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT OR IGNORE INTO meta(key, value) VALUES ('fresh', $fresh), ('adoptions', 0);";
        cmd.Parameters.AddWithValue("$fresh", created ? FreshHolding : 0);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> FreshnessAsync(SqliteTransaction tx, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync(Connection, "SELECT COALESCE((SELECT value FROM meta WHERE key = 'fresh'), 0);", cancellationToken, tx));

    /// <inheritdoc />
    public Task<WatermarkOutcome> AdoptAsync(long through, CancellationToken cancellationToken) =>
        ApplyWatermarkAsync(through, adoptBelowNext: true, cancellationToken);

    /// <inheritdoc />
    public async Task ReleaseFreshHoldAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Connection.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = $released WHERE key = 'fresh' AND value = $holding;";
            cmd.Parameters.AddWithValue("$released", FreshReleased);
            cmd.Parameters.AddWithValue("$holding", FreshHolding);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A fresh outbox meets its node's watermark from before the file was lost (README.md, a lost outbox file): every kept
    /// row (none was acknowledged: the outbox is fresh) moves from seq s to s + <paramref name="through"/>, payload
    /// included, and goes back to waiting (the collector dropped what it got as duplicates); the counter and the
    /// watermark follow. The caller's transaction makes it all or nothing. Returns the rows renumbered.
    /// </summary>
    private async Task<long> AdoptInAsync(SqliteTransaction tx, long through, long next, CancellationToken cancellationToken)
    {
        // Highest seq first: when through < next a row's new seq can be an old row's seq, and that row has then already
        // moved up; every moved row lands above the chunk just read, so the next read (seq < before) never meets it.
        long moved = 0;
        var before = next;
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
                read.CommandText = "SELECT seq, payload FROM outbox WHERE seq < $before ORDER BY seq DESC LIMIT $max;";
                read.Parameters.AddWithValue("$before", before);
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
            before = rows[^1].Seq;
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
