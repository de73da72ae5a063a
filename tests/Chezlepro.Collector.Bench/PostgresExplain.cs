using System.Text.RegularExpressions;
using Chezlepro.Collector.Storage.Rollup;
using Npgsql;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// EXPLAIN ANALYZE of the five hottest reads on the seeded database (the SQL the store runs, with the bench's values in
/// place of the parameters), printed for collector/Chezlepro.Collector/Storage/README.md.
/// </summary>
internal static class PostgresExplain
{
    public static async Task PrintAsync(string cs, long monthFrom, long monthTo, long yearFrom, long now, IReadOnlyList<CheckRange> ranges)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        // A fleet's other tables: 1,000 nodes with delivery rows and some pending seqs, a few incident identities.
        await Exec(c, """
            INSERT INTO nodes(site, node, online, session, last_seen) SELECT 'site-' || (i % 50), 'node-' || i, TRUE, 1, 0 FROM generate_series(1, 1000) i;
            INSERT INTO delivery(site, node, watermark, last_seq) SELECT site, node, 100000, 100010 FROM nodes;
            INSERT INTO delivery_pending(site, node, seq, received_at) SELECT site, node, 100000 + s, 0 FROM nodes, generate_series(2, 10, 2) s;
            INSERT INTO incident_spans(id, service, started_at) SELECT 'inc-' || i, 'svc-' || i, 0 FROM generate_series(1, 2000) i;
            ANALYZE;
            """);
        (string Name, string Sql)[] queries =
        [
            ("SLA month report (GetCheckIntervalsAsync, one month)", CheckIntervals(monthFrom, monthTo)),
            ("the same before issue 16's read fixes (ORDER BY in SQL, work_mem 64MB)", "SET work_mem = '64MB';\n" + CheckIntervals(monthFrom, monthTo)
                + " ORDER BY site, node, check_name, from_ts;\nRESET work_mem"),
            ("availability for 12 months (GetCheckDaysAsync's day rows, then GetCheckIntervalsAsync(ranges))", FormattableString.Invariant(
                $"SELECT site, node, check_name, day_start, day_end, ok_ms, critical_ms, unknown_ms, max_tail_ms FROM check_days WHERE day_end > {yearFrom} AND day_start < {monthTo};\n")
                + "SET jit = off;\n" + RangeIntervals(ranges) + ";\nRESET jit"),
            ("the ranges' read before (one join over the key index, DISTINCT, ORDER BY)", OldRangeIntervals(ranges)),
            ("/api/v1/sites (GetNodesAsync)", "SELECT site, node, online, reason, session, last_seen, status_ts, agent_version, started_at FROM nodes ORDER BY site, node"),
            ("node delivery (GetDeliveryAsync: row, pending, evicted)", """
                SELECT watermark, last_seq, last_received_at FROM delivery WHERE site = 'site-7' AND node = 'node-7';
                SELECT seq, received_at FROM delivery_pending WHERE site = 'site-7' AND node = 'node-7';
                SELECT from_seq, to_seq, reason, notice_seq, received_at FROM delivery_evicted WHERE site = 'site-7' AND node = 'node-7' AND to_seq > -9223372036854775808 ORDER BY from_seq
                """),
            ("incidents (GetCheckIntervalsAsync over the 30-day lookback, then incident_spans)", CheckIntervals(now - 30L * 86_400_000, now)
                + ";\nSELECT id, service, started_at, restored_at FROM incident_spans"),
        ];
        foreach (var (name, sql) in queries)
        {
            Console.WriteLine($"### {name}");
            foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Console.WriteLine(Regex.Replace(statement.ReplaceLineEndings(" "), "'\\{[^}]{60,}\\}'", "'{…}'"));
                if (statement.StartsWith("SET ", StringComparison.Ordinal) || statement.StartsWith("RESET ", StringComparison.Ordinal))
                {
                    await Exec(c, statement);
                    continue;
                }

                // Costs (and with them the JIT summary, which PostgreSQL prints only with costs) for the ranges' reads.
                var options = statement.Contains("unnest", StringComparison.Ordinal) ? "(ANALYZE, SUMMARY ON)" : "(ANALYZE, COSTS OFF, SUMMARY ON)";
                await using var cmd = new NpgsqlCommand($"EXPLAIN {options} " + statement, c);
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) Console.WriteLine("    " + r.GetString(0));
            }
        }
    }

    private static string CheckIntervals(long from, long to) => FormattableString.Invariant($"""
        SELECT site, node, check_name, status, from_ts, last_seen, to_ts FROM check_states
        WHERE from_ts < {to} AND (to_ts IS NULL OR to_ts > {from})
        """);

    // PostgresCollectorStore.RangeIntervalsSql with the ranges inlined as array literals (EXPLAIN takes no parameters).
    private static string RangeIntervals(IReadOnlyList<CheckRange> ranges) => $"""
        SELECT x.* FROM unnest({Arrays(ranges)}, {Longs(ranges.Select(r => r.From.AddDays(-32)))}) AS w(site, node, check_name, f, t, lb)
        CROSS JOIN LATERAL (
            (SELECT {Columns} FROM check_states s WHERE s.site = w.site AND s.node = w.node AND s.check_name = w.check_name
                AND s.from_ts < w.f AND s.from_ts >= w.lb ORDER BY s.from_ts DESC LIMIT 1)
            UNION ALL
            (SELECT {Columns} FROM check_states s WHERE s.site = w.site AND s.node = w.node AND s.check_name = w.check_name
                AND s.from_ts < w.lb AND NOT EXISTS (SELECT 1 FROM check_states b WHERE b.site = w.site AND b.node = w.node
                    AND b.check_name = w.check_name AND b.from_ts < w.f AND b.from_ts >= w.lb)
                ORDER BY s.from_ts DESC LIMIT 1)
            UNION ALL
            (SELECT {Columns} FROM check_states s WHERE s.site = w.site AND s.node = w.node AND s.check_name = w.check_name
                AND s.from_ts >= w.f AND s.from_ts < w.t)
        ) x
        WHERE x.to_ts IS NULL OR x.to_ts > w.f
        """;

    private static string OldRangeIntervals(IReadOnlyList<CheckRange> ranges) => $"""
        SELECT DISTINCT {Columns} FROM check_states s
        JOIN unnest({Arrays(ranges)}) AS w(site, node, check_name, f, t) USING (site, node, check_name)
        WHERE s.from_ts < w.t AND (s.to_ts IS NULL OR s.to_ts > w.f) ORDER BY site, node, check_name, from_ts
        """;

    private const string Columns = "site, node, check_name, status, from_ts, last_seen, to_ts";

    private static string Arrays(IReadOnlyList<CheckRange> ranges) =>
        $"{Texts(ranges.Select(r => r.Key.Site))}, {Texts(ranges.Select(r => r.Key.Node))}, {Texts(ranges.Select(r => r.Key.Check))}, "
        + $"{Longs(ranges.Select(r => r.From))}, {Longs(ranges.Select(r => r.To))}";

    // The bench's names are letters, digits, '-' and '.': nothing to escape.
    private static string Texts(IEnumerable<string> xs) => "'{" + string.Join(',', xs) + "}'::text[]";

    private static string Longs(IEnumerable<DateTimeOffset> xs) =>
        "'{" + string.Join(',', xs.Select(x => x.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture))) + "}'::bigint[]";

    private static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
