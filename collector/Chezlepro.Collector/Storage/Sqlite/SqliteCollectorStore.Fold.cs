using Chezlepro.Contracts.Messages;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore
{
    // Folding: a result with the same status as the interval in force only moves its last_seen; a change
    // closes that interval at the result's capture time and opens a new one. A late result (replayed
    // after a WAN outage, older than the open interval) lands in the interval that contains it: it splits
    // that interval only when nothing confirmed the old status after it.
    private void FoldHealth(SqliteConnection c, SqliteTransaction tx, string site, string node, string check,
        HealthStatus status, long ts, string? details)
    {
        using var find = Command(c, tx, """
            SELECT id, status, from_ts, last_seen, to_ts FROM check_states
            WHERE site = $s AND node = $n AND check_name = $c AND from_ts <= $ts
            ORDER BY from_ts DESC, id DESC LIMIT 1;
            """, [("$s", site), ("$n", node), ("$c", check), ("$ts", ts)]);
        using var r = find.ExecuteReader();
        if (!r.Read())
        {
            r.Close();
            var next = Scalar(c, tx, "SELECT MIN(from_ts) FROM check_states WHERE site = $s AND node = $n AND check_name = $c AND from_ts > $ts;",
                ("$s", site), ("$n", node), ("$c", check), ("$ts", ts));
            Insert(c, tx, site, node, check, status, ts, next is null or DBNull ? null : Convert.ToInt64(next), details);
            return;
        }
        var id = r.GetInt64(0);
        var current = (HealthStatus)r.GetInt32(1);
        var lastSeen = r.GetInt64(3);
        long? to = r.IsDBNull(4) ? null : r.GetInt64(4);
        r.Close();
        if (to is { } end && ts >= end)
        {
            // A gap after a closed interval (should not happen: intervals are contiguous once opened).
            Insert(c, tx, site, node, check, status, ts, null, details);
            return;
        }
        if (current == status)
        {
            Exec(c, tx, "UPDATE check_states SET last_seen = MAX(last_seen, $ts), details = COALESCE($d, details) WHERE id = $id;",
                ("$ts", ts), ("$d", details), ("$id", id));
            return;
        }
        if (lastSeen > ts) return;
        Exec(c, tx, "UPDATE check_states SET to_ts = $ts WHERE id = $id;", ("$ts", ts), ("$id", id));
        // The late status may be the one that followed: then the following interval simply started earlier.
        var merged = to is { } following && Exec(c, tx, """
            UPDATE check_states SET from_ts = $ts
            WHERE site = $s AND node = $n AND check_name = $c AND from_ts = $following AND status = $st;
            """, ("$ts", ts), ("$s", site), ("$n", node), ("$c", check), ("$following", following), ("$st", (int)status)) > 0;
        if (!merged) Insert(c, tx, site, node, check, status, ts, to, details);
    }

    private void Insert(SqliteConnection c, SqliteTransaction tx, string site, string node, string check,
        HealthStatus status, long from, long? to, string? details) =>
        Exec(c, tx, """
            INSERT INTO check_states(site, node, check_name, status, from_ts, last_seen, to_ts, details)
            VALUES ($s, $n, $c, $st, $from, $from, $to, $d);
            """, ("$s", site), ("$n", node), ("$c", check), ("$st", (int)status), ("$from", from), ("$to", to), ("$d", details));
}
