using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Rollup;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

public abstract partial class CollectorStoreContractTests
{
    [Fact]
    public async Task Rollup_RangesRead_ReturnsEveryIntervalOverlappingARange_Once()
    {
        // "a": five minutes of ok 40 days before Day0, then nothing until a critical result at +1 h: its first interval is
        // in force at Day0 although it started more than a month before (PostgreSQL's unbounded look-up). "b": ok every
        // minute around Day0 with a critical quarter hour (the look-up within a month).
        var results = new List<HealthResult>();
        var seq = 1L;
        for (var m = 0; m < 5; m++) results.Add(Result("a", HealthStatus.Ok, Day0.AddDays(-40).AddMinutes(m), seq++));
        results.Add(Result("a", HealthStatus.Critical, Day0.AddHours(1), seq++));
        for (var m = 1; m <= 120; m++) results.Add(Result("a", HealthStatus.Ok, Day0.AddHours(1).AddMinutes(m), seq++));
        for (var m = -120; m <= 180; m++) results.Add(Result("b", m is >= 40 and < 55 ? HealthStatus.Critical : HealthStatus.Ok, Day0.AddMinutes(m), seq++));
        await StoreAllAsync(results.OrderBy(r => r.Ts));
        var a = new CheckKey("lanaudiere", "pve1", "a");
        var b = new CheckKey("lanaudiere", "pve1", "b");
        CheckRange[] ranges =
        [
            new(a, Day0, Day0.AddHours(2)), new(a, Day0.AddMinutes(90), Day0.AddHours(3)), new(a, Day0.AddHours(2), Day0.AddMinutes(150)),
            new(a, Day0.AddDays(-60), Day0.AddDays(-50)), new(b, Day0, Day0.AddHours(1)), new(b, Day0.AddMinutes(30), Day0.AddHours(2)),
            new(b, Day0.AddMinutes(50), Day0.AddMinutes(51)),
        ];

        var read = await ((ICheckDayStore)_store).GetCheckIntervalsAsync(ranges, default);

        // The oracle: each range read on its own by time, kept for its check, a row once.
        var expected = new HashSet<(string, DateTimeOffset, HealthStatus, DateTimeOffset, DateTimeOffset?)>();
        foreach (var r in ranges)
        {
            foreach (var row in await _store.GetCheckIntervalsAsync(r.From, r.To, default))
            {
                if (row.Check == r.Key.Check) expected.Add((row.Check, row.From, row.Status, row.LastSeen, row.To));
            }
        }

        var got = read.Select(r => (r.Check, r.From, r.Status, r.LastSeen, r.To)).ToList();
        Assert.Equal(got.Count, got.Distinct().Count());
        Assert.Equal(expected.OrderBy(x => x.Item1).ThenBy(x => x.Item2), got.OrderBy(x => x.Item1).ThenBy(x => x.Item2));
        Assert.Contains(got, x => x.Check == "a" && x.From == Day0.AddDays(-40));
        Assert.Equal(2, got.Count(x => x.Check == "b" && x.Status == HealthStatus.Ok));

        // The read by time hands rows back per check in start order, whatever order they were stored in (a and b interleaved).
        var all = await _store.GetCheckIntervalsAsync(Day0.AddDays(-41), Day0.AddDays(1), default);
        Assert.Equal(all.OrderBy(r => r.Check, StringComparer.Ordinal).ThenBy(r => r.From).Select(r => (r.Check, r.From)), all.Select(r => (r.Check, r.From)));
        Assert.Equal(6, all.Count);
    }
}
