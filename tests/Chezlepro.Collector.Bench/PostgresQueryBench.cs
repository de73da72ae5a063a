using System.Diagnostics;
using System.Globalization;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Availability.Rollup;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Sla;
using Chezlepro.Collector.Storage.Rollup;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Testing.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// The two read targets on PostgreSQL, through the store as the API reads it: the SLA report of a month for N services of
/// 30-s checks (target &lt; 1 s) and per-service availability over 12 months (target &lt; 3 s). Seeds 12 months of state
/// intervals (SyntheticFleet, as the fold stores them) into the partitioned check_states with binary COPY.
/// Usage: chezlepro-collector-bench pgquery [services=1000] [runs=5] [explain] (explain: also print the EXPLAIN of the five hottest reads).
/// </summary>
internal static class PostgresQueryBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var services = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var month = MonthPeriod.Parse("2026-03");
        var monthFrom = month.Start(LocalTime.Toronto);
        var monthTo = month.End(LocalTime.Toronto);
        var yearFrom = monthTo.AddMonths(-12);
        var now = monthTo.AddDays(1);
        var fleet = new SyntheticFleet(services, monthFrom, monthTo, seed: 20260308);
        // Eleven earlier copies of the month, 33 days apart (a month and SyntheticFleet's two-day lead-in, so copies never
        // overlap): a year of history for the 12-month read without simulating a year of polls.
        var month0 = fleet.Intervals.ToList();
        for (var k = 1; k < 12; k++)
        {
            var shift = TimeSpan.FromDays(-33 * k);
            // A copy's last interval ends where the next copy starts (monthTo + shift): as the fold stores them, only a
            // check's newest interval is open, and its intervals never overlap.
            fleet.Intervals.AddRange(month0.Select(i => i with { From = i.From + shift, LastSeen = i.LastSeen + shift, To = (i.To ?? monthTo) + shift }));
        }
        Console.WriteLine(FormattableString.Invariant($"fleet: {services} services, {fleet.Intervals.Count:N0} state intervals over 12 months"));

        await using var pg = await PostgresServer.StartAsync();
        var cs = new NpgsqlConnectionStringBuilder(pg.ConnectionString) { Pooling = true, CommandTimeout = 0 }.ToString();
        await using var store = new PostgresCollectorStore(cs);
        await store.InitializeAsync(default);
        var seed = Stopwatch.StartNew();
        await SeedAsync(cs, fleet);
        Console.WriteLine(FormattableString.Invariant($"seeded with COPY in {seed.Elapsed.TotalSeconds:F1} s"));

        var build = Stopwatch.StartNew();
        var built = await store.GetCheckDaysAsync(yearFrom, monthTo, now, default);
        Console.WriteLine(FormattableString.Invariant($"day roll-up built over the whole history in {build.Elapsed.TotalSeconds:F1} s (days summarised until {built.Until:yyyy-MM-dd})"));
        var exact = await CompareAsync(store, fleet, yearFrom, monthTo, now);
        Console.WriteLine(exact);

        var sla = new Breakdown();
        var year = new List<double>();
        for (var r = 0; r <= runs; r++)
        {
            var m = await sla.RunAsync(cs, monthFrom, monthTo, () => store.GetCheckIntervalsAsync(monthFrom, monthTo, default),
                index => SlaReportBuilder.Build(month, fleet.Catalog, index, fleet.Windows, now).Contracts.Count, r > 0);
            var sw = Stopwatch.StartNew();
            var availability = await RolledUpReads.AvailabilityAsync(store, fleet.Catalog, fleet.Windows, yearFrom, monthTo, now, null, default);
            if (r > 0) year.Add(sw.Elapsed.TotalMilliseconds);
            if (r == 0) Console.WriteLine(FormattableString.Invariant($"month: {m.Rows:N0} intervals, {m.Items} contracts; 12 months: {availability.Count} services"));
        }

        year.Sort();
        var (breakdown, ranges) = await YearBreakdownAsync(store, fleet, yearFrom, monthTo, now);
        Console.WriteLine(breakdown);
        Console.WriteLine(FormattableString.Invariant($"SLA month report from PostgreSQL: {sla.Summary(runs)} (target < 1000 ms)"));
        Console.WriteLine(FormattableString.Invariant($"12-month availability from PostgreSQL (day roll-up): median {year[runs / 2]:F0} ms, max {year[^1]:F0} ms over {runs} runs (target < 3000 ms)"));
        if (args.Contains("explain"))
        {
            await PostgresExplain.PrintAsync(cs, monthFrom.ToUnixTimeMilliseconds(), monthTo.ToUnixTimeMilliseconds(), yearFrom.ToUnixTimeMilliseconds(),
                now.ToUnixTimeMilliseconds(), ranges);
        }
        Console.WriteLine(sla.Median < 1000 && year[runs / 2] < 3000 ? "TARGETS MET" : "TARGET MISSED");
        return 0;
    }

    /// <summary>
    /// The 12 months once from the raw intervals (the old read, timed for reference) and through the roll-up: every
    /// service's up, down, unknown and excluded time must be identical.
    /// </summary>
    private static async Task<string> CompareAsync(PostgresCollectorStore store, SyntheticFleet fleet, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var sw = Stopwatch.StartNew();
        var rows = await store.GetCheckIntervalsAsync(from, to, default);
        var index = new CheckHistoryIndex(rows.Select(r => new CheckStateInterval(new CheckKey(r.Site, r.Node, r.Check), r.Status, r.From, r.LastSeen, r.To)));
        var raw = AvailabilityCalculator.ComputeAll(fleet.Catalog, index, fleet.Windows, from, to, now, null);
        var rawMs = sw.Elapsed.TotalMilliseconds;
        var rolled = await RolledUpReads.AvailabilityAsync(store, fleet.Catalog, fleet.Windows, from, to, now, null, default);
        var same = raw.Zip(rolled).Count(p => (p.First.Up, p.First.Down, p.First.Unknown, p.First.Excluded) == (p.Second.Up, p.Second.Down, p.Second.Unknown, p.Second.Excluded));
        return FormattableString.Invariant(
            $"12 months from {rows.Count:N0} raw intervals (the old read, once): {rawMs:F0} ms; roll-up figures identical for {same} of {raw.Count} services");
    }

    /// <summary>One 12-month read through the roll-up, step by step as RolledUpReads runs it: where its time goes.</summary>
    private static async Task<(string, List<CheckRange>)> YearBreakdownAsync(PostgresCollectorStore store, SyntheticFleet fleet, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var sw = Stopwatch.StartNew();
        var days = await store.GetCheckDaysAsync(from, to, now, default);
        var daysMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var ranges = new List<CheckRange>();
        foreach (var s in fleet.Catalog.Services)
        {
            foreach (var (a, b) in RolledUpAvailability.RawRanges(s, days, fleet.Windows, from, to, now))
                ranges.AddRange(s.Checks.Select(c => new CheckRange(c.ToKey(), a, b)));
        }
        var rangesMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var rows = await store.GetCheckIntervalsAsync(ranges, default);
        var rawMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var raw = new CheckHistoryIndex(rows.Select(r => new CheckStateInterval(new CheckKey(r.Site, r.Node, r.Check), r.Status, r.From, r.LastSeen, r.To)));
        var n = fleet.Catalog.Services.Count(s => RolledUpAvailability.Compute(s, days, raw, fleet.Windows, from, to, now).Up > TimeSpan.Zero);
        var engineMs = sw.Elapsed.TotalMilliseconds;
        return (FormattableString.Invariant(
            $"12 months, one read step by step: day rows {daysMs:F0} ms + raw ranges {rangesMs:F0} ms ({ranges.Count:N0} check ranges) + their intervals {rawMs:F0} ms ({rows.Count:N0} rows) + engine {engineMs:F0} ms ({n} services up)"), ranges);
    }

    private static async Task SeedAsync(string cs, SyntheticFleet fleet)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        // No roll-up horizon exists yet, so the roll-up's trigger would mark nothing: seed without firing it per row.
        await using (var quiet = new NpgsqlCommand("SET session_replication_role = replica;", c)) await quiet.ExecuteNonQueryAsync();
        var months = fleet.Intervals.Select(i => new DateTimeOffset(i.From.UtcDateTime.Year, i.From.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds())
            .Distinct().ToArray();
        await using (var cmd = new NpgsqlCommand("SELECT chezlepro_month_partition(m) FROM unnest($1::bigint[]) AS m;", c))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = months });
            await cmd.ExecuteNonQueryAsync();
        }
        await using (var w = await c.BeginBinaryImportAsync("COPY check_states(site, node, check_name, status, from_ts, last_seen, to_ts) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var i in fleet.Intervals)
            {
                await w.StartRowAsync();
                await w.WriteAsync(i.Key.Site, NpgsqlDbType.Text);
                await w.WriteAsync(i.Key.Node, NpgsqlDbType.Text);
                await w.WriteAsync(i.Key.Check, NpgsqlDbType.Text);
                await w.WriteAsync((int)i.Status, NpgsqlDbType.Integer);
                await w.WriteAsync(i.From.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint);
                await w.WriteAsync(i.LastSeen.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint);
                if (i.To is { } to) await w.WriteAsync(to.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint);
                else await w.WriteNullAsync();
            }
            await w.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE check_states;", c);
        await analyze.ExecuteNonQueryAsync();
    }
}
