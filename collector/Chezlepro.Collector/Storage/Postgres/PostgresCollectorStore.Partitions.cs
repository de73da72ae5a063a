using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    private const string PartitionPrefix = "messages_p";

    // UTC months whose partitions this store has made sure of (another collector's retention may drop one since: a
    // missing partition is then created again, see StoreBatchAsync).
    private readonly ConcurrentDictionary<long, bool> _months = new();

    /// <summary>Start of the UTC month holding <paramref name="ms"/>, in Unix milliseconds.</summary>
    internal static long MonthOf(long ms)
    {
        var d = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        return new DateTimeOffset(d.Year, d.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    }

    // Partitions are created in their own short transaction, never in an ingest transaction (creating one locks the parent
    // table, which the ingest of other collectors holds). The month after each is created with it, so the partition a month
    // needs exists before its first message.
    private async Task EnsureMonthsAsync(IEnumerable<long> times, CancellationToken ct)
    {
        var missing = times.Select(MonthOf).Distinct().Where(m => !_months.ContainsKey(m)).ToList();
        if (missing.Count == 0) return;
        var months = missing.SelectMany(m => new[] { m, MonthOf(FromMs(m).AddMonths(1).ToUnixTimeMilliseconds()) }).Distinct().ToArray();
        await using var c = await DataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await ExecAsync(c, tx, "SELECT chezlepro_month_partition(m) FROM unnest($1::bigint[]) AS m;", ct, months);
        await tx.CommitAsync(ct);
        foreach (var m in months) _months[m] = true;
    }

    // Retention by whole months: every messages partition that ends at or before the cut is dropped; the month the cut falls
    // in keeps its newer rows (a DELETE of that partition only), so Collector:TelemetryRetention keeps its exact meaning.
    private async Task<int> DropMonthsBeforeAsync(NpgsqlConnection c, long before, CancellationToken ct)
    {
        var partitions = await RowsAsync(c, null, """
            SELECT child.relname FROM pg_inherits i JOIN pg_class child ON child.oid = i.inhrelid
            WHERE i.inhparent = 'messages'::regclass ORDER BY 1;
            """, r => r.GetString(0), ct);
        var removed = 0;
        foreach (var name in partitions)
        {
            if (!DateTime.TryParseExact(name.AsSpan(PartitionPrefix.Length), "yyyyMM", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month)) continue;
            var start = new DateTimeOffset(month, TimeSpan.Zero);
            if (start.AddMonths(1).ToUnixTimeMilliseconds() > before) continue;
            await using var tx = await c.BeginTransactionAsync(ct);
            removed += Convert.ToInt32(await ScalarAsync(c, tx, $"SELECT COUNT(*) FROM {name};", ct));
            await ExecAsync(c, tx, $"DROP TABLE {name};", ct);
            await tx.CommitAsync(ct);
            _months.TryRemove(start.ToUnixTimeMilliseconds(), out _);
        }
        return removed;
    }
}
