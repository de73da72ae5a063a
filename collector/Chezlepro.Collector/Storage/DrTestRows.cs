using System.Data.Common;
using System.Globalization;
using Chezlepro.Collector.DrTests;

namespace Chezlepro.Collector.Storage;

/// <summary>Row mapping of DR tests shared by both stores.</summary>
internal static class DrTestRows
{
    /// <summary>Adds the line of a row (test_id, service, category, rto_minutes, rpo_minutes, rto_target, rpo_target) to its test's.</summary>
    public static void AddLine(Dictionary<long, List<DrTestService>> lines, DbDataReader r)
    {
        if (!lines.TryGetValue(r.GetInt64(0), out var list)) lines[r.GetInt64(0)] = list = [];
        list.Add(new DrTestService(r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6)));
    }

    /// <summary>The test of a row (id, test_date, scenario, findings, report_url, author, recorded_at) with its lines.</summary>
    public static DrTest Test(DbDataReader r, Dictionary<long, List<DrTestService>> lines) =>
        new(r.GetInt64(0), DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(2),
            lines.TryGetValue(r.GetInt64(0), out var l) ? l : [], r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)));
}
