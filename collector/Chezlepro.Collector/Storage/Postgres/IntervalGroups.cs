using Chezlepro.Collector.Availability;
using Chezlepro.Contracts.Messages;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// Interval rows read in any order, handed back grouped per check (checks in ordinal order of site, node, check) and
/// sorted by start inside each check, each interval once. The SQL has no ORDER BY: sorting a month's ~200 k rows on three
/// text keys was most of the read's time in PostgreSQL (Storage/README.md, "Reading intervals"), while grouping here
/// is one dictionary look-up per row, and the rows of a check mostly arrive in start order already (heap order).
/// Every row of a check shares its key's three strings, so a year of rows keeps one copy of each name.
/// </summary>
internal sealed class IntervalGroups
{
    private readonly Dictionary<CheckKey, Group> groups = [];
    private int count;

    /// <summary>Reads every row of <paramref name="sql"/> (columns site, node, check, status, from, last seen, to; times in ms).</summary>
    public static async Task<List<CheckIntervalRow>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var groups = new IntervalGroups();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                groups.Add(new CheckKey(r.GetString(0), r.GetString(1), r.GetString(2)), (HealthStatus)r.GetFieldValue<int>(3), r.GetFieldValue<long>(4),
                    r.GetFieldValue<long>(5), r.IsDBNull(6) ? null : r.GetFieldValue<long>(6));
            }
        }

        return groups.ToList();
    }

    private void Add(CheckKey read, HealthStatus status, long from, long lastSeen, long? to)
    {
        if (!groups.TryGetValue(read, out var g)) groups[read] = g = new Group(read);
        var key = g.Key;
        g.Rows.Add(new CheckIntervalRow(key.Site, key.Node, key.Check, status, DateTimeOffset.FromUnixTimeMilliseconds(from),
            DateTimeOffset.FromUnixTimeMilliseconds(lastSeen), to is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : null));
        if (g.Rows.Count > 1 && g.Rows[^2].From >= g.Rows[^1].From) g.Unsorted = true;
        count++;
    }

    private List<CheckIntervalRow> ToList()
    {
        var keys = groups.Keys.ToArray();
        Array.Sort(keys, static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Site, b.Site);
            if (c == 0) c = string.CompareOrdinal(a.Node, b.Node);
            return c != 0 ? c : string.CompareOrdinal(a.Check, b.Check);
        });
        var list = new List<CheckIntervalRow>(count);
        foreach (var k in keys)
        {
            var g = groups[k];
            if (g.Unsorted)
            {
                g.Rows.Sort(static (a, b) => a.From.CompareTo(b.From));
                // Several ranges of one check can each return the interval in force at their start: keep one.
                for (var i = 0; i < g.Rows.Count; i++)
                {
                    if (i == 0 || g.Rows[i].From != g.Rows[i - 1].From) list.Add(g.Rows[i]);
                }
            }
            else
            {
                list.AddRange(g.Rows);
            }
        }

        return list;
    }

    private sealed class Group(CheckKey key)
    {
        public CheckKey Key { get; } = key;

        public List<CheckIntervalRow> Rows { get; } = [];

        public bool Unsorted { get; set; }
    }
}
