using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Storage.Rollup;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    /// <summary>The roll-up writes of one step, sent as three array statements (replace the checks' days in their ranges, set first days).</summary>
    private sealed class DayWrites
    {
        private readonly List<string> dSite = [], dNode = [], dCheck = [], rSite = [], rNode = [], rCheck = [], fSite = [], fNode = [], fCheck = [];
        private readonly List<long> dFrom = [], dTo = [], rStart = [], rEnd = [], rOk = [], rCritical = [], rUnknown = [], rTail = [], fFirst = [];

        /// <summary>Plans one check's days [from, until) and updates <paramref name="firsts"/> with its first day.</summary>
        public void Add(CheckKey key, DateTimeOffset from, DateTimeOffset until, IReadOnlyList<CheckStateInterval> intervals, Dictionary<CheckKey, DateTimeOffset> firsts)
        {
            DateTimeOffset? first = firsts.TryGetValue(key, out var f) ? f : null;
            var (rows, start) = CheckDayPlan.ForCheck(intervals, from, until, first);
            dSite.Add(key.Site);
            dNode.Add(key.Node);
            dCheck.Add(key.Check);
            dFrom.Add(Ms(from));
            dTo.Add(Ms(until));
            foreach (var d in rows)
            {
                rSite.Add(key.Site);
                rNode.Add(key.Node);
                rCheck.Add(key.Check);
                rStart.Add(Ms(d.Start));
                rEnd.Add(Ms(d.End));
                rOk.Add(CheckDayRows.Ms(d.Ok));
                rCritical.Add(CheckDayRows.Ms(d.Critical));
                rUnknown.Add(CheckDayRows.Ms(d.Unknown));
                rTail.Add(CheckDayRows.Ms(d.MaxTail));
            }

            if (start is { } s && s != first)
            {
                firsts[key] = s;
                fSite.Add(key.Site);
                fNode.Add(key.Node);
                fCheck.Add(key.Check);
                fFirst.Add(Ms(s));
            }
        }

        public async Task FlushAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
        {
            if (dSite.Count == 0) return;
            await new PgArrays()
                .Add("""
                    DELETE FROM check_days d USING unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[]) AS w(site, node, check_name, f, t)
                    WHERE d.site = w.site AND d.node = w.node AND d.check_name = w.check_name AND d.day_start >= w.f AND d.day_start < w.t;
                    """, dSite.ToArray(), dNode.ToArray(), dCheck.ToArray(), dFrom.ToArray(), dTo.ToArray())
                .Add($"""
                    INSERT INTO check_days({CheckDayRows.Columns})
                    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[]);
                    """, rSite.ToArray(), rNode.ToArray(), rCheck.ToArray(), rStart.ToArray(), rEnd.ToArray(), rOk.ToArray(), rCritical.ToArray(),
                    rUnknown.ToArray(), rTail.ToArray())
                .Add("""
                    INSERT INTO check_day_firsts(site, node, check_name, first_day) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
                    ON CONFLICT (site, node, check_name) DO UPDATE SET first_day = EXCLUDED.first_day;
                    """, fSite.ToArray(), fNode.ToArray(), fCheck.ToArray(), fFirst.ToArray())
                .ExecuteAsync(c, tx, ct);
        }
    }
}
