using System.Data.Common;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Availability.Rollup;

namespace Chezlepro.Collector.Storage.Rollup;

/// <summary>The stored form of a day row, the same columns in both stores (times in Unix milliseconds).</summary>
internal static class CheckDayRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = "site, node, check_name, day_start, day_end, ok_ms, critical_ms, unknown_ms, max_tail_ms";

    /// <summary>The current row, selected with <see cref="Columns"/>.</summary>
    public static (CheckKey Key, CheckDay Day) Read(DbDataReader r) =>
        (new CheckKey(r.GetString(0), r.GetString(1), r.GetString(2)), new CheckDay(
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
            TimeSpan.FromMilliseconds(r.GetInt64(5)), TimeSpan.FromMilliseconds(r.GetInt64(6)), TimeSpan.FromMilliseconds(r.GetInt64(7)),
            TimeSpan.FromMilliseconds(r.GetInt64(8))));

    /// <summary>A duration as stored (whole milliseconds: every stored time is).</summary>
    public static long Ms(TimeSpan span) => (long)span.TotalMilliseconds;
}
