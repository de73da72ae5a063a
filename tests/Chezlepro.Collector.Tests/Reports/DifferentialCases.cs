using System.Collections.Immutable;
using Chezlepro.Collector.Tests.Availability;
using Chezlepro.Contracts.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Chezlepro.Collector.Tests.Reports;

/// <summary>
/// Random months for the differential tests, and how to shrink one. FsCheck draws a seed; the month is built from it
/// with <see cref="Random"/> (seeded, hence stable across runs), so a replayed FsCheck seed gives the same month.
/// Activity is sparse: a few bursts of tens of results around 1–3 anchors (the month's edges, a DST change, the
/// contract's first day, anywhere), silence elsewhere.
/// </summary>
internal static class DifferentialCases
{
    private const int Hour = 3600;

    /// <summary>March 2026 (spring forward on the 8th), November 2026 (fall back on the 1st), June 2026 (ordinary).</summary>
    private static readonly (int Year, int Month, long? DstChange)[] Months =
    [
        (2026, 3, DateTimeOffset.Parse("2026-03-08T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()),
        (2026, 11, DateTimeOffset.Parse("2026-11-01T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()),
        (2026, 6, null),
    ];

    public static Arbitrary<DifferentialCase> Arbitrary() =>
        Arb.From(Gen.Choose(0, int.MaxValue).Select(Build), Shrink);

    public static DifferentialCase Build(int seed)
    {
        var rnd = new Random(seed);
        var (year, month, dst) = Months[rnd.Next(Months.Length)];
        var (from, to) = ReferenceModel.Month(year, month);
        var days = DateTime.DaysInMonth(year, month);
        var checks = Pick(rnd, (15, 1), (45, 2), (40, 3));
        var staleness = Pick(rnd, (70, 90), (20, 300), (10, 900));

        var startDay = Pick(rnd, (60, 0), (25, rnd.Next(2, days + 1)), (15, dst is null ? 15 : month == 3 ? 8 : 2));
        var contractStart = startDay == 0 ? new DateOnly(2026, 1, 1) : new DateOnly(year, month, startDay);
        DateOnly? contractEnd = rnd.Next(5) == 0 ? new DateOnly(year, month, rnd.Next(Math.Max(startDay, 1), days + 1)) : null;

        // Where the activity is: 1–3 anchors.
        var anchors = new List<long>();
        for (var i = rnd.Next(1, 4); i > 0; i--)
        {
            anchors.Add(Pick(rnd,
                (3, from + rnd.Next(-3 * Hour, 2 * Hour)),                     // carried into the month
                (2, to - rnd.Next(0, 3 * Hour)),                               // running past its end
                (dst is null ? 0 : 3, (dst ?? 0) + rnd.Next(-3 * Hour, 3 * Hour)),
                (2, ReferenceModel.LocalMidnight(contractStart) + rnd.Next(-2 * Hour, 2 * Hour)),
                (4, from + (long)(rnd.NextDouble() * (to - from)))));
        }

        var results = new List<(int Check, long At, HealthStatus Status)>();
        for (var c = 0; c < checks; c++)
        {
            for (var burst = rnd.Next(1, 4); burst > 0; burst--)
            {
                var t = anchors[rnd.Next(anchors.Count)] + rnd.Next(-Hour, Hour);
                var status = FirstStatus(rnd);
                for (var n = rnd.Next(3, 81); n > 0; n--)
                {
                    results.Add((c, t, status));
                    if (rnd.Next(25) == 0) results.Add((c, t, FirstStatus(rnd)));   // same ts, maybe another status
                    if (rnd.Next(10) < 3) status = FirstStatus(rnd);
                    t += Gap(rnd, staleness);
                }
            }
        }

        // Capture order; exact duplicates (same check, ts and status) are one result.
        var ordered = results.Distinct().OrderBy(r => r.At).ThenBy(r => r.Check).ThenBy(r => r.Status).ToList();
        var arrival = Arrival(rnd, ordered.Count);
        var caseResults = ordered.Select((r, i) => new CaseResult(r.Check, r.At, r.Status, arrival[i], rnd.Next(20) == 0)).ToImmutableArray();

        var windows = new List<CaseWindow>();
        for (var i = Pick(rnd, (40, 0), (40, 1), (20, 2)); i > 0; i--)
        {
            var start = anchors[rnd.Next(anchors.Count)] + rnd.Next(-2 * Hour, 6 * Hour);
            var end = start + rnd.Next(60, 6 * Hour);
            var announced = rnd.Next(5) == 0 ? start + rnd.Next(0, (int)(end - start)) : start - 86_400;
            long? early = rnd.Next(5) == 0 ? start + rnd.Next(0, (int)(end - start)) : null;
            windows.Add(new CaseWindow(start, end, announced, early, rnd.Next(7) == 0));
        }

        return new DifferentialCase(year, month, checks, staleness, rnd.Next(2) == 0, contractStart, contractEnd,
            UnknownCountsAsDown: rnd.Next(2) == 0, Objective: rnd.Next(10) < 7 ? 99.5m : 99.9m,
            Debounce: rnd.Next(10) < 7 ? 60 : 300, RestoreDebounce: rnd.Next(10) < 7 ? 60 : 600,
            MaxBatch: Pick(rnd, (1, 1), (1, 7), (1, 50), (1, 1000)), BatchSeed: rnd.Next(),
            caseResults, [.. windows]);
    }

    /// <summary>Silences from 1 s to a day; the staleness limit itself and its neighbours on purpose.</summary>
    private static int Gap(Random rnd, int staleness) => Pick(rnd,
        (50, 30),
        (12, rnd.Next(1, 30)),
        (10, rnd.Next(31, 90)),
        (6, staleness + rnd.Next(-1, 2)),
        (10, rnd.Next(91, 1800)),
        (8, rnd.Next(1800, 6 * Hour)),
        (4, rnd.Next(6 * Hour, 24 * Hour)));

    private static HealthStatus FirstStatus(Random rnd) =>
        Pick(rnd, (55, HealthStatus.Ok), (15, HealthStatus.Warning), (20, HealthStatus.Critical), (10, HealthStatus.Unknown));

    /// <summary>In order, shuffled, in order with a late backlog (a WAN outage replayed), or newest first.</summary>
    private static int[] Arrival(Random rnd, int count)
    {
        var keys = new int[count];
        switch (rnd.Next(4))
        {
            case 0:
                break;
            case 1:
                for (var i = 0; i < count; i++) keys[i] = rnd.Next(1000);
                break;
            case 2:
                for (var gaps = rnd.Next(1, 4); gaps > 0 && count > 0; gaps--)
                {
                    var start = rnd.Next(count);
                    var key = rnd.Next(1, 3);
                    for (var i = start; i < Math.Min(count, start + rnd.Next(1, 60)); i++) keys[i] = key * 2;
                }
                break;
            default:
                for (var i = 0; i < count; i++) keys[i] = 2 * (count - i);
                break;
        }

        return keys;
    }

    private static T Pick<T>(Random rnd, params (int Weight, T Value)[] choices)
    {
        var x = rnd.Next(choices.Sum(c => c.Weight));
        foreach (var (w, v) in choices)
        {
            if (x < w) return v;
            x -= w;
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Smaller cases first: one check less, no window, fewer results, arrival in order, defaults.</summary>
    public static IEnumerable<DifferentialCase> Shrink(DifferentialCase c)
    {
        for (var k = 0; k < c.Checks && c.Checks > 1; k++)
        {
            var drop = k;
            yield return c with
            {
                Checks = c.Checks - 1,
                Results = [.. c.Results.Where(r => r.Check != drop).Select(r => r.Check > drop ? r with { Check = r.Check - 1 } : r)],
            };
        }

        for (var i = 0; i < c.Windows.Length; i++) yield return c with { Windows = c.Windows.RemoveAt(i) };

        var n = c.Results.Length;
        for (var size = n / 2; size >= 1; size /= 2)
        {
            for (var start = 0; start + size <= n; start += size) yield return c with { Results = c.Results.RemoveRange(start, size) };
        }

        if (c.Results.Any(r => r.Arrival != 0 || r.Resent)) yield return c with { Results = [.. c.Results.Select(r => r with { Arrival = 0, Resent = false })] };
        for (var i = 0; i < n; i++)
        {
            if (c.Results[i].Resent) yield return c with { Results = c.Results.SetItem(i, c.Results[i] with { Resent = false }) };
        }

        if (c.MaxBatch != 1000) yield return c with { MaxBatch = 1000 };
        if (c.TwoNodes) yield return c with { TwoNodes = false };
        if (c.ContractStart != new DateOnly(2026, 1, 1) || c.ContractEnd is not null) yield return c with { ContractStart = new DateOnly(2026, 1, 1), ContractEnd = null };
        if (c.Staleness != 90) yield return c with { Staleness = 90 };
        if (!c.UnknownCountsAsDown || c.Objective != 99.5m) yield return c with { UnknownCountsAsDown = true, Objective = 99.5m };
        if (c.Debounce != 60 || c.RestoreDebounce != 60) yield return c with { Debounce = 60, RestoreDebounce = 60 };
        for (var i = 0; i < c.Windows.Length; i++)
        {
            var w = c.Windows[i];
            if (w.EndedEarlyAt is not null || w.AnnouncedAt != w.Start - 86_400)
                yield return c with { Windows = c.Windows.SetItem(i, w with { EndedEarlyAt = null, AnnouncedAt = w.Start - 86_400 }) };
        }
    }
}
