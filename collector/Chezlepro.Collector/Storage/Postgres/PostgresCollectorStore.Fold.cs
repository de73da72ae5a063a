using Chezlepro.Collector.Storage.Folding;
using Chezlepro.Contracts.Messages;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    // The rule is CheckFold's, as in the SQLite store, applied result by result to the intervals the first round trip read
    // (under each check's advisory lock, so collectors sharing the database fold one check at a time). Only a result that
    // lands inside an interval with another status reads stored results: one more round trip, for late results only.
    private static async Task FoldAsync(NpgsqlConnection c, NpgsqlTransaction? tx, PgArrays writes,
        List<(StoredMessage Message, HealthResult Result)> health, Dictionary<(string Site, string Node, string Check), List<FoldInterval>> stored,
        CancellationToken ct)
    {
        var timelines = new Dictionary<(string Site, string Node, string Check), CheckTimeline>();
        foreach (var (m, h) in health)
        {
            var key = (m.Site, m.Node, h.Check);
            if (!timelines.TryGetValue(key, out var timeline))
                timelines[key] = timeline = new CheckTimeline(stored.TryGetValue(key, out var rows) ? rows : []);
            var result = new FoldResult(Ms(h.Ts), h.Status, h.Details?.ToJsonString());
            var (previous, inForce, next) = timeline.Around(result.Ts);
            var plan = CheckFold.Plan(previous, inForce, next, result);
            if (plan.NeedsResults is { } window)
            {
                var results = await ReadResultsAsync(c, tx, m.Site, m.Node, h.Check, window[0].From, window[^1].LastSeen, ct);
                plan = CheckFold.Recompute(window, results, result);
            }
            timeline.Apply(plan);
        }
        WriteIntervals(writes, timelines.SelectMany(t => t.Value.Deletes).ToArray(),
            timelines.SelectMany(t => t.Value.Updates.Select(u => (t.Key, u))).ToList(),
            timelines.SelectMany(t => t.Value.Inserts.Select(i => (t.Key, i))).ToList());
    }

    private static void WriteIntervals(PgArrays b, long[] deletes, List<((string Site, string Node, string Check) Key, FoldInterval Row)> updates,
        List<((string Site, string Node, string Check) Key, FoldInterval Row)> inserts)
    {
        if (deletes.Length > 0) b.Add("DELETE FROM check_states WHERE id = ANY($1);", deletes);
        if (updates.Count > 0)
        {
            b.Add("""
                UPDATE check_states c SET status = u.status, from_ts = u.from_ts, last_seen = u.last_seen, to_ts = u.to_ts, details = u.details
                FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[]) AS u(id, status, from_ts, last_seen, to_ts, details)
                WHERE c.id = u.id;
                """, updates.Select(u => u.Row.Id).ToArray(), updates.Select(u => (int)u.Row.Status).ToArray(), updates.Select(u => u.Row.From).ToArray(),
                updates.Select(u => u.Row.LastSeen).ToArray(), updates.Select(u => u.Row.To).ToArray(), updates.Select(u => u.Row.Details).ToArray());
        }
        if (inserts.Count > 0)
        {
            b.Add("""
                INSERT INTO check_states(site, node, check_name, status, from_ts, last_seen, to_ts, details)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[]);
                """, inserts.Select(i => i.Key.Site).ToArray(), inserts.Select(i => i.Key.Node).ToArray(), inserts.Select(i => i.Key.Check).ToArray(),
                inserts.Select(i => (int)i.Row.Status).ToArray(), inserts.Select(i => i.Row.From).ToArray(), inserts.Select(i => i.Row.LastSeen).ToArray(),
                inserts.Select(i => i.Row.To).ToArray(), inserts.Select(i => i.Row.Details).ToArray());
        }
    }

    private static async Task ApplyPlanAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, string node, string check, FoldPlan plan,
        CancellationToken ct)
    {
        var b = new PgArrays();
        WriteIntervals(b, [.. plan.Deletes], plan.Updates.Select(u => ((site, node, check), u)).ToList(),
            plan.Inserts.Select(i => ((site, node, check), i)).ToList());
        await b.ExecuteAsync(c, tx, ct);
    }

    private static async Task<List<FoldInterval>> ReadIntervalsAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, CancellationToken ct,
        params object?[] args)
    {
        await using var cmd = Command(c, tx, sql, args);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<FoldInterval>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new FoldInterval(r.GetInt64(0), (HealthStatus)r.GetInt32(1), r.GetInt64(2), r.GetInt64(3),
                r.IsDBNull(4) ? null : r.GetInt64(4), r.IsDBNull(5) ? null : r.GetString(5)));
        }
        return list;
    }

    // kind = 2 (TopicKind.Health) is written out so PostgreSQL can use the partial index messages_health.
    private static async Task<List<FoldResult>> ReadResultsAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string site, string node, string check,
        long from, long to, CancellationToken ct)
    {
        await using var cmd = Command(c, tx, """
            SELECT payload FROM messages WHERE kind = 2 AND site = $1 AND node = $2 AND name = $3 AND ts >= $4 AND ts <= $5;
            """, [site, node, check, from, to]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<FoldResult>();
        while (await r.ReadAsync(ct))
        {
            if (StoredResults.Parse(r.GetString(0)) is { } result) list.Add(result);
        }
        return list;
    }
}
