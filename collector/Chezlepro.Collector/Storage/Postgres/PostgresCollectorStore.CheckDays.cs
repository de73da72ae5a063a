using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Availability.Rollup;
using Chezlepro.Collector.Storage.Rollup;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore : ICheckDayStore
{
    private const string IntervalColumns = "site, node, check_name, status, from_ts, last_seen, to_ts";

    /// <inheritdoc />
    public async Task<CheckDayRollup> GetCheckDaysAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var (until, firsts) = await CatchUpDaysAsync(c, tx, TorontoDays.StartOf(now), cancellationToken);

        var days = new List<(CheckKey, CheckDay)>();
        await using (var cmd = Command(c, tx, $"SELECT {CheckDayRows.Columns} FROM check_days WHERE day_end > $1 AND day_start < $2;", [Ms(from), Ms(to)]))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken)) days.Add(CheckDayRows.Read(r));
        }

        await tx.CommitAsync(cancellationToken);
        return new CheckDayRollup(until, firsts, days);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CheckIntervalRow>> GetCheckIntervalsAsync(IReadOnlyList<CheckRange> ranges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count == 0) return [];
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        // The plan (three branches over every month partition, looped per range) costs far above jit_above_cost, and
        // compiling it took ~10 s of a 13 s read (Storage/README.md); each loop is a few index probes, nothing to JIT.
        await ExecAsync(c, tx, "SET LOCAL jit = off;", cancellationToken);
        var rows = await ReadIntervalRowsAsync(c, tx, RangeIntervalsSql, cancellationToken, ranges.Select(r => r.Key.Site).ToArray(),
            ranges.Select(r => r.Key.Node).ToArray(), ranges.Select(r => r.Key.Check).ToArray(), ranges.Select(r => Ms(r.From)).ToArray(),
            ranges.Select(r => Ms(r.To)).ToArray(), ranges.Select(r => Ms(r.From - RangeLookBack)).ToArray());
        await tx.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>
    /// How far before a range's start the interval in force there is looked for first: within it the lookup touches
    /// the one or two month partitions it spans instead of every earlier one (a check quiet for longer falls back to
    /// the unbounded lookup, in the same statement).
    /// </summary>
    private static readonly TimeSpan RangeLookBack = TimeSpan.FromDays(32);

    // Per range: the interval in force at its start and those starting inside it (a row several ranges return is kept
    // once by IntervalGroups). "from_ts < t AND (to_ts IS NULL OR to_ts > f)" on the key index scanned a check's whole
    // history before t, per range: most of the 12-month read's time (Storage/README.md). A check's intervals never
    // overlap (the fold ends each at the next one's start at the latest, and only the last is open), so the only one
    // starting before f that can reach past f is the last one. The second branch runs only when the bounded lookup finds
    // nothing (its NOT EXISTS depends on the range alone: a one-time filter).
    private static readonly string RangeIntervalsSql = $"""
        SELECT x.* FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[]) AS w(site, node, check_name, f, t, lb)
        CROSS JOIN LATERAL (
            (SELECT {IntervalColumns} FROM check_states s WHERE s.site = w.site AND s.node = w.node AND s.check_name = w.check_name
                AND s.from_ts < w.f AND s.from_ts >= w.lb ORDER BY s.from_ts DESC LIMIT 1)
            UNION ALL
            (SELECT {IntervalColumns} FROM check_states s WHERE s.site = w.site AND s.node = w.node AND s.check_name = w.check_name
                AND s.from_ts < w.lb AND NOT EXISTS (SELECT 1 FROM check_states b WHERE b.site = w.site AND b.node = w.node
                    AND b.check_name = w.check_name AND b.from_ts < w.f AND b.from_ts >= w.lb)
                ORDER BY s.from_ts DESC LIMIT 1)
            UNION ALL
            (SELECT {IntervalColumns} FROM check_states s WHERE s.site = w.site AND s.node = w.node AND s.check_name = w.check_name
                AND s.from_ts >= w.f AND s.from_ts < w.t)
        ) x
        WHERE x.to_ts IS NULL OR x.to_ts > w.f;
        """;

    /// <summary>
    /// Recomputes the days marked stale, then summarises the days from the horizon to <paramref name="target"/>; returns
    /// the new horizon and every check's first day as they now stand.
    /// </summary>
    private static async Task<(DateTimeOffset Until, Dictionary<CheckKey, DateTimeOffset> Firsts)> CatchUpDaysAsync(NpgsqlConnection c, NpgsqlTransaction tx, DateTimeOffset target, CancellationToken ct)
    {
        await ExecAsync(c, tx, "SELECT pg_advisory_xact_lock($1);", ct, PostgresCheckDaySchema.Lock);
        var horizon = await ScalarAsync(c, tx, "SELECT until_ms FROM check_day_horizon;", ct) is long h ? FromMs(h)
            : await ScalarAsync(c, tx, "SELECT MIN(from_ts) FROM check_states;", ct) is long first ? TorontoDays.StartOf(FromMs(first)) : target;
        var firsts = await ReadFirstsAsync(c, tx, ct);

        var stale = new List<(CheckKey Key, long From)>();
        await using (var cmd = Command(c, tx, "DELETE FROM check_day_stale RETURNING site, node, check_name, from_ms;", []))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct)) stale.Add((new CheckKey(r.GetString(0), r.GetString(1), r.GetString(2)), r.GetInt64(3)));
        }

        var writes = new DayWrites();
        foreach (var (key, fromMs) in stale)
        {
            var a = TorontoDays.StartOf(FromMs(fromMs));
            if (a >= horizon) continue;
            var rows = await ReadIntervalRowsAsync(c, tx, $"""
                SELECT {IntervalColumns} FROM check_states WHERE site = $1 AND node = $2 AND check_name = $3
                AND from_ts < $5 AND (to_ts IS NULL OR to_ts > $4) ORDER BY from_ts;
                """, ct, key.Site, key.Node, key.Check, Ms(a), Ms(horizon));
            writes.Add(key, a, horizon, CheckDayPlan.ByCheck(rows).GetValueOrDefault(key) ?? [], firsts);
        }

        await writes.FlushAsync(c, tx, ct);
        foreach (var (s, e) in CheckDayPlan.Steps(horizon, target))
        {
            var byKey = CheckDayPlan.ByCheck(await ReadIntervalRowsAsync(c, tx, $"""
                SELECT {IntervalColumns} FROM check_states WHERE from_ts < $2 AND (to_ts IS NULL OR to_ts > $1);
                """, ct, Ms(s), Ms(e)));
            foreach (var key in firsts.Keys) byKey.TryAdd(key, []);
            var step = new DayWrites();
            foreach (var (key, intervals) in byKey) step.Add(key, s, e, intervals, firsts);
            await step.FlushAsync(c, tx, ct);
        }

        var until = target > horizon ? target : horizon;
        await ExecAsync(c, tx, "INSERT INTO check_day_horizon(id, until_ms) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET until_ms = EXCLUDED.until_ms;", ct, Ms(until));
        return (until, firsts);
    }

    private static async Task<Dictionary<CheckKey, DateTimeOffset>> ReadFirstsAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        var firsts = new Dictionary<CheckKey, DateTimeOffset>();
        await using var cmd = Command(c, tx, "SELECT site, node, check_name, first_day FROM check_day_firsts;", []);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) firsts[new CheckKey(r.GetString(0), r.GetString(1), r.GetString(2))] = FromMs(r.GetInt64(3));
        return firsts;
    }
}
