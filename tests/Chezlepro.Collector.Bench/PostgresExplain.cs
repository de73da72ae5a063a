using Npgsql;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// EXPLAIN ANALYZE of the five hottest reads on the seeded database (the SQL the store runs, with the bench's values in
/// place of the parameters), printed for collector/Chezlepro.Collector/Storage/README.md.
/// </summary>
internal static class PostgresExplain
{
    public static async Task PrintAsync(string cs, long monthFrom, long monthTo, long yearFrom, long now)
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
            ("availability for 12 months (GetCheckIntervalsAsync, 12 months)", CheckIntervals(yearFrom, monthTo)),
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
                Console.WriteLine(statement.ReplaceLineEndings(" "));
                await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) " + statement, c);
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) Console.WriteLine("    " + r.GetString(0));
            }
        }
    }

    private static string CheckIntervals(long from, long to) => FormattableString.Invariant($"""
        SELECT site, node, check_name, status, from_ts, last_seen, to_ts FROM check_states
        WHERE from_ts < {to} AND (to_ts IS NULL OR to_ts > {from}) ORDER BY site, node, check_name, from_ts
        """);

    private static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
