using System.Diagnostics;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Storage;
using Npgsql;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// Where one read's time goes, per run: the SQL alone (the store's query read field by field into nothing), the store's
/// read (SQL + rows materialised as <see cref="CheckIntervalRow"/>), indexing the rows per check, and the engine.
/// </summary>
internal sealed class Breakdown
{
    private readonly List<double> sql = [], read = [], index = [], engine = [], total = [];

    /// <summary>Median of the totals measured so far.</summary>
    public double Median => Sorted(total)[total.Count / 2];

    /// <summary>Times one run; <paramref name="keep"/> false for the warm-up.</summary>
    public async Task<(int Rows, int Items)> RunAsync(string cs, DateTimeOffset from, DateTimeOffset to, Func<Task<IReadOnlyList<CheckIntervalRow>>> storeRead,
        Func<CheckHistoryIndex, int> compute, bool keep)
    {
        var sw = Stopwatch.StartNew();
        await SqlOnlyAsync(cs, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        var sqlMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var rows = await storeRead();
        var readMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var idx = new CheckHistoryIndex(rows.Select(r => new CheckStateInterval(new CheckKey(r.Site, r.Node, r.Check), r.Status, r.From, r.LastSeen, r.To)));
        var indexMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var items = compute(idx);
        var engineMs = sw.Elapsed.TotalMilliseconds;
        if (keep)
        {
            sql.Add(sqlMs);
            read.Add(readMs);
            index.Add(indexMs);
            engine.Add(engineMs);
            total.Add(readMs + indexMs + engineMs);
        }

        return (rows.Count, items);
    }

    /// <summary>Median and max of the total, and the medians of its parts.</summary>
    public string Summary(int runs) => FormattableString.Invariant(
        $"median {Median:F0} ms, max {Sorted(total)[^1]:F0} ms over {runs} runs = store read {Med(read):F0} (of which SQL alone {Med(sql):F0}) + index {Med(index):F0} + engine {Med(engine):F0}");

    private static double Med(List<double> xs) => Sorted(xs)[xs.Count / 2];

    private static List<double> Sorted(List<double> xs)
    {
        var copy = new List<double>(xs);
        copy.Sort();
        return copy;
    }

    private static async Task SqlOnlyAsync(string cs, long from, long to)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT site, node, check_name, status, from_ts, last_seen, to_ts FROM check_states WHERE from_ts < $2 AND (to_ts IS NULL OR to_ts > $1);
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = from });
        cmd.Parameters.Add(new NpgsqlParameter { Value = to });
        await using var r = await cmd.ExecuteReaderAsync();
        long sink = 0;
        while (await r.ReadAsync())
        {
            // Read every column so the bytes cross the wire and are decoded, without keeping anything.
            sink += r.GetString(0).Length + r.GetString(1).Length + r.GetString(2).Length + r.GetFieldValue<int>(3) + r.GetFieldValue<long>(4) + r.GetFieldValue<long>(5);
            if (!r.IsDBNull(6)) sink += r.GetFieldValue<long>(6);
        }

        GC.KeepAlive(sink);
    }
}
