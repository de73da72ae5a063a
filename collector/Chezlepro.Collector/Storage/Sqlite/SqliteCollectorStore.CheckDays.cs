using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Availability.Rollup;
using Chezlepro.Collector.Storage.Rollup;
using Chezlepro.Contracts.Messages;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore : ICheckDayStore
{
    /// <inheritdoc />
    public Task<CheckDayRollup> GetCheckDaysAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var tx = Connection.BeginTransaction();
            var until = CatchUpDays(tx, TorontoDays.StartOf(now));
            var firsts = ReadFirsts(tx);
            var days = new List<(CheckKey, CheckDay)>();
            using (var cmd = Command(Connection, tx, $"SELECT {CheckDayRows.Columns} FROM check_days WHERE day_end > $from AND day_start < $to;",
                [("$from", Ms(from)), ("$to", Ms(to))]))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read()) days.Add(CheckDayRows.Read(r));
            }

            tx.Commit();
            return Task.FromResult(new CheckDayRollup(until, firsts, days));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CheckIntervalRow>> GetCheckIntervalsAsync(IReadOnlyList<CheckRange> ranges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        lock (_gate)
        {
            var seen = new HashSet<(CheckKey, DateTimeOffset)>();
            var list = new List<CheckIntervalRow>();
            foreach (var range in ranges)
            {
                foreach (var row in ReadCheckIntervals(null, range.Key, Ms(range.From), Ms(range.To)))
                {
                    if (seen.Add((range.Key, row.From))) list.Add(row);
                }
            }

            return Task.FromResult<IReadOnlyList<CheckIntervalRow>>(list);
        }
    }

    /// <summary>Recomputes the days marked stale, then summarises the days from the horizon to <paramref name="target"/>; returns the new horizon.</summary>
    private DateTimeOffset CatchUpDays(SqliteTransaction tx, DateTimeOffset target)
    {
        var c = Connection;
        var stored = Scalar(c, tx, "SELECT until_ms FROM check_day_horizon;");
        var horizon = stored is long h ? FromMs(h)
            : Scalar(c, tx, "SELECT MIN(from_ts) FROM check_states;") is long first ? TorontoDays.StartOf(FromMs(first)) : target;
        var stale = new List<(CheckKey Key, long From)>();
        using (var cmd = Command(c, tx, "SELECT site, node, check_name, from_ms FROM check_day_stale;", []))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) stale.Add((new CheckKey(r.GetString(0), r.GetString(1), r.GetString(2)), r.GetInt64(3)));
        }

        foreach (var (key, fromMs) in stale)
        {
            var a = TorontoDays.StartOf(FromMs(fromMs));
            if (a < horizon) WriteDays(tx, key, a, horizon, CheckDayPlan.ByCheck(ReadCheckIntervals(tx, key, Ms(a), Ms(horizon))).GetValueOrDefault(key) ?? []);
            Exec(c, tx, "DELETE FROM check_day_stale WHERE site = $s AND node = $n AND check_name = $c;", ("$s", key.Site), ("$n", key.Node), ("$c", key.Check));
        }

        foreach (var (s, e) in CheckDayPlan.Steps(horizon, target))
        {
            var byKey = CheckDayPlan.ByCheck(ReadAllIntervals(tx, Ms(s), Ms(e)));
            foreach (var key in ReadFirsts(tx).Keys) byKey.TryAdd(key, []);
            foreach (var (key, intervals) in byKey) WriteDays(tx, key, s, e, intervals);
        }

        var until = target > horizon ? target : horizon;
        Exec(c, tx, "INSERT INTO check_day_horizon(id, until_ms) VALUES (1, $u) ON CONFLICT(id) DO UPDATE SET until_ms = excluded.until_ms;", ("$u", Ms(until)));
        return until;
    }

    private void WriteDays(SqliteTransaction tx, CheckKey key, DateTimeOffset from, DateTimeOffset until, IReadOnlyList<CheckStateInterval> intervals)
    {
        var c = Connection;
        (string, object?)[] k = [("$s", key.Site), ("$n", key.Node), ("$c", key.Check)];
        var first = Scalar(c, tx, "SELECT first_day FROM check_day_firsts WHERE site = $s AND node = $n AND check_name = $c;", k) is long f ? FromMs(f) : (DateTimeOffset?)null;
        var (rows, start) = CheckDayPlan.ForCheck(intervals, from, until, first);
        Exec(c, tx, "DELETE FROM check_days WHERE site = $s AND node = $n AND check_name = $c AND day_start >= $a AND day_start < $b;",
            [.. k, ("$a", Ms(from)), ("$b", Ms(until))]);
        foreach (var d in rows)
        {
            Exec(c, tx, $"INSERT INTO check_days({CheckDayRows.Columns}) VALUES ($s, $n, $c, $d, $e, $ok, $cr, $un, $t);",
                [.. k, ("$d", Ms(d.Start)), ("$e", Ms(d.End)), ("$ok", CheckDayRows.Ms(d.Ok)), ("$cr", CheckDayRows.Ms(d.Critical)),
                ("$un", CheckDayRows.Ms(d.Unknown)), ("$t", CheckDayRows.Ms(d.MaxTail))]);
        }

        if (start is { } st && st != first)
        {
            Exec(c, tx, """
                INSERT INTO check_day_firsts(site, node, check_name, first_day) VALUES ($s, $n, $c, $f)
                ON CONFLICT DO UPDATE SET first_day = excluded.first_day;
                """, [.. k, ("$f", Ms(st))]);
        }
    }

    private Dictionary<CheckKey, DateTimeOffset> ReadFirsts(SqliteTransaction tx)
    {
        using var cmd = Command(Connection, tx, "SELECT site, node, check_name, first_day FROM check_day_firsts;", []);
        using var r = cmd.ExecuteReader();
        var firsts = new Dictionary<CheckKey, DateTimeOffset>();
        while (r.Read()) firsts[new CheckKey(r.GetString(0), r.GetString(1), r.GetString(2))] = FromMs(r.GetInt64(3));
        return firsts;
    }

    private List<CheckIntervalRow> ReadCheckIntervals(SqliteTransaction? tx, CheckKey key, long from, long to) => ReadIntervalRows(tx, """
        SELECT site, node, check_name, status, from_ts, last_seen, to_ts FROM check_states
        WHERE site = $s AND node = $n AND check_name = $c AND from_ts < $to AND (to_ts IS NULL OR to_ts > $from) ORDER BY from_ts;
        """, ("$s", key.Site), ("$n", key.Node), ("$c", key.Check), ("$from", from), ("$to", to));

    private List<CheckIntervalRow> ReadAllIntervals(SqliteTransaction? tx, long from, long to) => ReadIntervalRows(tx, """
        SELECT site, node, check_name, status, from_ts, last_seen, to_ts FROM check_states
        WHERE from_ts < $to AND (to_ts IS NULL OR to_ts > $from) ORDER BY site, node, check_name, from_ts;
        """, ("$from", from), ("$to", to));

    private List<CheckIntervalRow> ReadIntervalRows(SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(Connection, tx, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<CheckIntervalRow>();
        while (r.Read())
        {
            list.Add(new CheckIntervalRow(r.GetString(0), r.GetString(1), r.GetString(2), (HealthStatus)r.GetInt32(3),
                FromMs(r.GetInt64(4)), FromMs(r.GetInt64(5)), r.IsDBNull(6) ? null : FromMs(r.GetInt64(6))));
        }

        return list;
    }
}
