using Chezlepro.Collector.Storage.Folding;
using Chezlepro.Contracts.Messages;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore
{
    // The rule is CheckFold's; this file only reads the intervals around the result and writes the plan back.
    private void FoldHealth(SqliteConnection c, SqliteTransaction tx, string site, string node, string check, FoldResult result)
    {
        var before = ReadIntervals(c, tx, """
            SELECT id, status, from_ts, last_seen, to_ts, details FROM check_states
            WHERE site = $s AND node = $n AND check_name = $c AND from_ts <= $ts ORDER BY from_ts DESC, id DESC LIMIT 2;
            """, site, node, check, result.Ts);
        var inForce = before.Count > 0 ? before[0] : null;
        var previous = before.Count > 1 ? before[1] : null;
        // Rows are contiguous (To = the next row's From), so an open row has nothing after it.
        var next = inForce is { To: null } ? null : ReadIntervals(c, tx, """
            SELECT id, status, from_ts, last_seen, to_ts, details FROM check_states
            WHERE site = $s AND node = $n AND check_name = $c AND from_ts > $ts ORDER BY from_ts, id LIMIT 1;
            """, site, node, check, result.Ts).FirstOrDefault();
        var plan = CheckFold.Plan(previous, inForce, next, result);
        if (plan.NeedsResults is { } window)
        {
            var results = ReadResults(c, tx, site, node, check, window[0].From, window[^1].LastSeen);
            plan = CheckFold.Recompute(window, results, result);
        }
        ApplyPlan(c, tx, site, node, check, plan);
    }

    private void ApplyPlan(SqliteConnection c, SqliteTransaction tx, string site, string node, string check, FoldPlan plan)
    {
        foreach (var id in plan.Deletes) Exec(c, tx, "DELETE FROM check_states WHERE id = $id;", ("$id", id));
        foreach (var u in plan.Updates)
        {
            Exec(c, tx, "UPDATE check_states SET status = $st, from_ts = $f, last_seen = $l, to_ts = $t, details = $d WHERE id = $id;",
                ("$st", (int)u.Status), ("$f", u.From), ("$l", u.LastSeen), ("$t", u.To), ("$d", u.Details), ("$id", u.Id));
        }
        foreach (var i in plan.Inserts)
        {
            Exec(c, tx, """
                INSERT INTO check_states(site, node, check_name, status, from_ts, last_seen, to_ts, details)
                VALUES ($s, $n, $c, $st, $f, $l, $t, $d);
                """, ("$s", site), ("$n", node), ("$c", check), ("$st", (int)i.Status), ("$f", i.From), ("$l", i.LastSeen),
                ("$t", i.To), ("$d", i.Details));
        }
    }

    private List<FoldInterval> ReadIntervals(SqliteConnection c, SqliteTransaction? tx, string sql, string site, string node, string check, long? ts)
    {
        var cmd = Cached(c, tx, sql, [("$s", site), ("$n", node), ("$c", check), ("$ts", ts)]);
        using var r = cmd.ExecuteReader();
        var list = new List<FoldInterval>();
        while (r.Read())
        {
            list.Add(new FoldInterval(r.GetInt64(0), (HealthStatus)r.GetInt32(1), r.GetInt64(2), r.GetInt64(3),
                r.IsDBNull(4) ? null : r.GetInt64(4), r.IsDBNull(5) ? null : r.GetString(5)));
        }
        return list;
    }

    // kind = 2 (TopicKind.Health) is written out so SQLite can use the partial index messages_health.
    private List<FoldResult> ReadResults(SqliteConnection c, SqliteTransaction? tx, string site, string node, string check, long from, long to)
    {
        var cmd = Cached(c, tx, """
            SELECT payload FROM messages WHERE kind = 2 AND site = $s AND node = $n AND name = $c AND ts >= $from AND ts <= $to;
            """, [("$s", site), ("$n", node), ("$c", check), ("$from", from), ("$to", to)]);
        using var r = cmd.ExecuteReader();
        var list = new List<FoldResult>();
        while (r.Read())
        {
            if (StoredResults.Parse(r.GetString(0)) is { } result) list.Add(result);
        }
        return list;
    }
}
