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
        await ExecAsync(c, tx, ReadWorkMem, cancellationToken);
        var until = await CatchUpDaysAsync(c, tx, TorontoDays.StartOf(now), cancellationToken);
        var firsts = await ReadFirstsAsync(c, tx, cancellationToken);

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
        var list = await ReadIntervalRowsAsync(c, tx, $"""
            SELECT DISTINCT {IntervalColumns} FROM check_states s
            JOIN unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[]) AS w(site, node, check_name, f, t)
                USING (site, node, check_name)
            WHERE s.from_ts < w.t AND (s.to_ts IS NULL OR s.to_ts > w.f) ORDER BY site, node, check_name, from_ts;
            """, cancellationToken, ranges.Select(r => r.Key.Site).ToArray(), ranges.Select(r => r.Key.Node).ToArray(),
            ranges.Select(r => r.Key.Check).ToArray(), ranges.Select(r => Ms(r.From)).ToArray(), ranges.Select(r => Ms(r.To)).ToArray());
        await tx.CommitAsync(cancellationToken);
        return list;
    }

    /// <summary>Recomputes the days marked stale, then summarises the days from the horizon to <paramref name="target"/>; returns the new horizon.</summary>
    private static async Task<DateTimeOffset> CatchUpDaysAsync(NpgsqlConnection c, NpgsqlTransaction tx, DateTimeOffset target, CancellationToken ct)
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
                SELECT {IntervalColumns} FROM check_states WHERE from_ts < $2 AND (to_ts IS NULL OR to_ts > $1) ORDER BY site, node, check_name, from_ts;
                """, ct, Ms(s), Ms(e)));
            foreach (var key in firsts.Keys) byKey.TryAdd(key, []);
            var step = new DayWrites();
            foreach (var (key, intervals) in byKey) step.Add(key, s, e, intervals, firsts);
            await step.FlushAsync(c, tx, ct);
        }

        var until = target > horizon ? target : horizon;
        await ExecAsync(c, tx, "INSERT INTO check_day_horizon(id, until_ms) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET until_ms = EXCLUDED.until_ms;", ct, Ms(until));
        return until;
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
