using Chezlepro.Collector.Storage.Folding;

namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore
{
    /// <inheritdoc />
    public Task<IntervalRebuildSummary> RebuildIntervalsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var c = Connection;
            using var tx = c.BeginTransaction();
            var keys = new List<(string Site, string Node, string Check)>();
            using (var cmd = Command(c, tx, "SELECT DISTINCT site, node, name FROM messages WHERE kind = 2 AND name IS NOT NULL;", []))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read()) keys.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
            }
            int before = 0, after = 0;
            foreach (var (site, node, check) in keys)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var existing = ReadIntervals(c, tx, """
                    SELECT id, status, from_ts, last_seen, to_ts, details FROM check_states
                    WHERE site = $s AND node = $n AND check_name = $c ORDER BY from_ts, id;
                    """, site, node, check, null);
                var plan = CheckFold.Rebuild(existing, ReadResults(c, tx, site, node, check, long.MinValue, long.MaxValue));
                ApplyPlan(c, tx, site, node, check, plan);
                before += existing.Count;
                after += existing.Count - plan.Deletes.Count + plan.Inserts.Count;
            }
            Exec(c, tx, "DELETE FROM store_meta WHERE key = 'intervals_rebuild';");
            tx.Commit();
            return Task.FromResult(new IntervalRebuildSummary(keys.Count, before, after));
        }
    }

    private bool RebuildPending() =>
        Scalar(Connection, null, "SELECT value FROM store_meta WHERE key = 'intervals_rebuild';") is string;
}
