using Chezlepro.Collector.Storage.Folding;
using Chezlepro.Contracts.Messages;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    // The rule is CheckFold's, as in the SQLite store; several collectors may ingest at once here, so each check's
    // intervals are changed under a transaction-scoped advisory lock.
    private static async Task FoldHealthAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, string node, string check,
        FoldResult result, CancellationToken ct)
    {
        await LockCheckAsync(c, tx, site, node, check, ct);
        var before = await ReadIntervalsAsync(c, tx, """
            SELECT id, status, from_ts, last_seen, to_ts, details FROM check_states
            WHERE site = $1 AND node = $2 AND check_name = $3 AND from_ts <= $4 ORDER BY from_ts DESC, id DESC LIMIT 2;
            """, ct, site, node, check, result.Ts);
        var inForce = before.Count > 0 ? before[0] : null;
        var previous = before.Count > 1 ? before[1] : null;
        var next = inForce is { To: null } ? null : (await ReadIntervalsAsync(c, tx, """
            SELECT id, status, from_ts, last_seen, to_ts, details FROM check_states
            WHERE site = $1 AND node = $2 AND check_name = $3 AND from_ts > $4 ORDER BY from_ts, id LIMIT 1;
            """, ct, site, node, check, result.Ts)).FirstOrDefault();
        var plan = CheckFold.Plan(previous, inForce, next, result);
        if (plan.NeedsResults is { } window)
        {
            var results = await ReadResultsAsync(c, tx, site, node, check, window[0].From, window[^1].LastSeen, ct);
            plan = CheckFold.Recompute(window, results, result);
        }
        await ApplyPlanAsync(c, tx, site, node, check, plan, ct);
    }

    private static Task<int> LockCheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, string node, string check, CancellationToken ct) =>
        ExecAsync(c, tx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0));", ct, $"{site}/{node}/{check}");

    private static async Task ApplyPlanAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, string node, string check, FoldPlan plan,
        CancellationToken ct)
    {
        foreach (var id in plan.Deletes) await ExecAsync(c, tx, "DELETE FROM check_states WHERE id = $1;", ct, id);
        foreach (var u in plan.Updates)
        {
            await ExecAsync(c, tx, "UPDATE check_states SET status = $1, from_ts = $2, last_seen = $3, to_ts = $4, details = $5 WHERE id = $6;",
                ct, (int)u.Status, u.From, u.LastSeen, u.To, u.Details, u.Id);
        }
        foreach (var i in plan.Inserts)
        {
            await ExecAsync(c, tx, """
                INSERT INTO check_states(site, node, check_name, status, from_ts, last_seen, to_ts, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
                """, ct, site, node, check, (int)i.Status, i.From, i.LastSeen, i.To, i.Details);
        }
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
