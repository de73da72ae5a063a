using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Availability.Rollup;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Tests.Availability;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

public abstract partial class CollectorStoreContractTests
{
    // Around the fall-back change: 2026-11-01 has 25 hours in Toronto.
    private static readonly DateTimeOffset Day0 = Scenario.Local("2026-10-31 00:00");

    [Fact]
    public async Task Rollup_FiguresEqualTheRawOnes_AndFollowLateResultsAndNewDays()
    {
        // A result a minute for four days: a critical hour, a two-hour silence, the rest ok; one window.
        var results = new List<HealthResult>();
        for (var m = -60; m < 4 * 1440; m++)
        {
            if (m is >= 50 * 60 and < 52 * 60) continue;
            results.Add(Result("a", m is >= 30 * 60 and < 31 * 60 ? HealthStatus.Critical : HealthStatus.Ok, Day0.AddMinutes(m), 10_000 + m));
        }

        await StoreAllAsync(results.Where(r => r.Ts < Day0.AddDays(3)));
        var catalog = new CatalogOptions { Services = [new ServiceDefinition { Id = "a", Name = "a", Category = "critical", Checks = [new CheckReference { Site = "lanaudiere", Node = "pve1", Check = "a" }] }] };
        MaintenanceWindow[] windows = [new("w", Day0.AddHours(60), Day0.AddHours(61), ["a"], "test", Day0.AddDays(-1), null)];
        var days = (ICheckDayStore)_store;
        var from = Day0.AddHours(-1);

        var first = await AssertSameAsRawAsync(days, catalog, windows, from, Day0.AddDays(3).AddHours(5), Day0.AddDays(3).AddHours(5));
        Assert.Equal(TimeSpan.FromHours(1), first.Down);

        // A late critical result inside a summarised day (day 1, ok until now): the next read recomputes that day.
        await StoreAllAsync([Result("a", HealthStatus.Critical, Day0.AddHours(36).AddSeconds(10), 99_999)]);
        var late = await AssertSameAsRawAsync(days, catalog, windows, from, Day0.AddDays(3).AddHours(5), Day0.AddDays(3).AddHours(5));
        Assert.True(late.Down > first.Down, $"down {late.Down} after the late result, {first.Down} before");

        // The fourth day arrives; a later read summarises the days since and still agrees.
        await StoreAllAsync(results.Where(r => r.Ts >= Day0.AddDays(3)));
        await AssertSameAsRawAsync(days, catalog, windows, from, Day0.AddDays(5), Day0.AddDays(4).AddHours(1));
        var rollup = await days.GetCheckDaysAsync(Day0, Day0.AddDays(4), Day0.AddDays(4).AddHours(1), default);
        Assert.Equal(Day0.AddDays(4).AddHours(1), rollup.Until); // the fall-back day is 25 h: day 4 starts at +4 d 1 h
    }

    private async Task<ServiceAvailability> AssertSameAsRawAsync(ICheckDayStore days, CatalogOptions catalog, MaintenanceWindow[] windows,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var rows = await _store.GetCheckIntervalsAsync(from, to, default);
        var raw = Assert.Single(AvailabilityCalculator.ComputeAll(catalog,
            new CheckHistoryIndex(rows.Select(r => new CheckStateInterval(new CheckKey(r.Site, r.Node, r.Check), r.Status, r.From, r.LastSeen, r.To))),
            windows, from, to, now));
        var rolled = Assert.Single(await RolledUpReads.AvailabilityAsync(days, catalog, windows, from, to, now, null, default));
        Assert.Equal((raw.Up, raw.Down, raw.Unknown, raw.Excluded, raw.To), (rolled.Up, rolled.Down, rolled.Unknown, rolled.Excluded, rolled.To));
        return rolled;
    }

    private async Task StoreAllAsync(IEnumerable<HealthResult> results)
    {
        foreach (var chunk in results.Chunk(1000))
        {
            var outcomes = await _store.StoreBatchAsync([.. chunk.Select(r => IngestItems.Of(r))], chunk[^1].Ts, default);
            Assert.All(outcomes, o => Assert.Equal(StoreOutcome.Inserted, o));
        }
    }
}
