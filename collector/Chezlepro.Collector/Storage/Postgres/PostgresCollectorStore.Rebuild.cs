using Chezlepro.Collector.Storage.Folding;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    /// <inheritdoc />
    public async Task<IntervalRebuildSummary> RebuildIntervalsAsync(CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        // Other collectors keep ingesting into the same tables: they wait for the rebuild rather than fold into rows
        // it is about to replace.
        await ExecAsync(c, tx, "LOCK TABLE check_states IN EXCLUSIVE MODE;", cancellationToken);
        var keys = new List<(string Site, string Node, string Check)>();
        await using (var cmd = Command(c, tx, "SELECT DISTINCT site, node, name FROM messages WHERE kind = 2 AND name IS NOT NULL;", []))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken)) keys.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        }
        int before = 0, after = 0;
        foreach (var (site, node, check) in keys)
        {
            var existing = await ReadIntervalsAsync(c, tx, """
                SELECT id, status, from_ts, last_seen, to_ts, details FROM check_states
                WHERE site = $1 AND node = $2 AND check_name = $3 ORDER BY from_ts, id;
                """, cancellationToken, site, node, check);
            var results = await ReadResultsAsync(c, tx, site, node, check, long.MinValue, long.MaxValue, cancellationToken);
            var plan = CheckFold.Rebuild(existing, results);
            await ApplyPlanAsync(c, tx, site, node, check, plan, cancellationToken);
            before += existing.Count;
            after += existing.Count - plan.Deletes.Count + plan.Inserts.Count;
        }
        await ExecAsync(c, tx, "DELETE FROM store_meta WHERE key = 'intervals_rebuild';", cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new IntervalRebuildSummary(keys.Count, before, after);
    }

    private async Task<bool> RebuildPendingAsync(CancellationToken ct)
    {
        await using var c = await DataSource.OpenConnectionAsync(ct);
        return await ScalarAsync(c, null, "SELECT value FROM store_meta WHERE key = 'intervals_rebuild';", ct) is string;
    }
}
