using System.Globalization;
using System.Text.Json;
using Chezlepro.Collector.Apis;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Ingest;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Sla;
using Chezlepro.Collector.Storage.Sqlite;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Chezlepro.Collector.Tests.Reports;

/// <summary>
/// October 2026 worked out by hand, through the real ingest and a real SQLite store: one check polled every 30 s
/// all month, except a 12-hour silence between two <c>ok</c> results.
/// </summary>
/// <remarks>
/// The month: America/Toronto is on EDT (UTC−4) all October (DST ends on 1 November), so it runs from
/// 2026-10-01T04:00:00Z to 2026-11-01T04:00:00Z: 31 × 86,400 = 2,678,400 s.
/// <para>The results: <c>ok</c> at every month start + 30·k s (k = 0 … 89,279, the last at 03:59:30Z on 1 November),
/// except strictly inside the silence, from 2026-10-15 12:00 to 2026-10-16 00:00 local (16:00Z to 04:00Z): those
/// 43,200 / 30 − 1 = 1,439 results are missing, 87,841 are sent.</para>
/// <para>The figures: the result at 16:00:00Z holds for the staleness limit (90 s, the default), to 16:01:30Z; the
/// check is stale, hence unknown, from there to the next result at 04:00:00Z: 43,200 − 90 = 43,110 s. Everywhere else
/// the next result comes 30 s later, before the limit, so the rest is up: 2,678,400 − 43,110 = 2,635,290 s. The first
/// result is at the month's first second, the last one holds past its end: nothing else is unknown.</para>
/// <list type="bullet">
/// <item>Unknown counts as down: 2,635,290 / 2,678,400 = 98.390456989…% → shown 98.390; shortfall 99.5 − 98.390457 =
/// 1.109543 points → ceiling(1.109543 / 0.5) = 3 tranches → 15 % of 150.00 = 22.50 CAD.</item>
/// <item>Unknown not counted: 2,635,290 / 2,635,290 = 100 % → no credit; the 43,110 s are still reported.</item>
/// </list>
/// <para>With a 2-hour outage added (results from 2026-10-20 08:00 to 10:00 local, 12:00Z to 14:00Z, critical; the
/// 10:00 result is ok again): down = 7,200 s, unknown 43,110 s, up = 2,678,400 − 50,310 = 2,628,090 s; unknown as
/// down: 2,628,090 / 2,678,400 = 98.121639784…% → 98.121, shortfall 1.378360 → 3 tranches → 15 %, 22.50 CAD; one
/// incident, started 12:00:00Z, restored 14:00:00Z.</para>
/// </remarks>
public sealed class ServiceLevelReportsGoldenTests : IAsyncLifetime
{
    private const string Site = "ovh";
    private static readonly MonthPeriod October = new(2026, 10);
    private static readonly DateTimeOffset MonthStart = new(2026, 10, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MonthEnd = new(2026, 11, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SilenceFrom = new(2026, 10, 15, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SilenceTo = new(2026, 10, 16, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OutageFrom = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OutageTo = new(2026, 10, 20, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Directory.CreateTempSubdirectory("golden-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sla_TwelveHourSilenceBetweenTwoOkResults_IsUnknown_ForEachUnknownPolicy()
    {
        var (sla, incidents) = await IngestAsync("silence", Month(outage: false));

        var down = sla.Contracts.Single(c => c.UnknownCountsAsDown);
        Assert.Equal((2_635_290d, 0d, 43_110d, 0d, (decimal?)98.390m, 15m), ProductionPath.Figures(down));
        Assert.Equal(2_635_290m * 100m / 2_678_400m, down.ExactAvailability);
        Assert.Equal((3, 22.50m), (down.Tranches, down.CreditAmount));

        var ignored = sla.Contracts.Single(c => !c.UnknownCountsAsDown);
        Assert.Equal((2_635_290d, 0d, 43_110d, 0d, (decimal?)100.000m, 0m), ProductionPath.Figures(ignored));
        Assert.Equal((0, 0m), (ignored.Tranches, ignored.CreditAmount));
        Assert.Empty(incidents);
    }

    [Fact]
    public async Task Sla_SameMonthInOrderAndShuffled_SameReport()
    {
        var inOrder = Month(outage: true);
        var shuffled = inOrder.ToArray();
        new Random(20261020).Shuffle(shuffled);

        var (a, incidentsA) = await IngestAsync("in-order", inOrder);
        var (b, incidentsB) = await IngestAsync("shuffled", shuffled);

        var expected = (2_628_090d, 7_200d, 43_110d, 0d, (decimal?)98.121m, 15m);
        Assert.Equal(
            [expected, expected],
            new[] { ProductionPath.Figures(a.Contracts.Single(c => c.UnknownCountsAsDown)), ProductionPath.Figures(b.Contracts.Single(c => c.UnknownCountsAsDown)) });
        Assert.Equal(JsonSerializer.Serialize(a, ReportJsonContext.Default.SlaReport), JsonSerializer.Serialize(b, ReportJsonContext.Default.SlaReport));
        var incident = Assert.Single(incidentsA);
        Assert.Equal((OutageFrom, (DateTimeOffset?)OutageTo), (incident.StartedAt, incident.RestoredAt));
        Assert.Equal(incidentsA, incidentsB);
    }

    /// <summary>Every result of the month in capture order: (seq, ts, status).</summary>
    private static List<(long Seq, DateTimeOffset Ts, HealthStatus Status)> Month(bool outage)
    {
        var list = new List<(long, DateTimeOffset, HealthStatus)>();
        for (var ts = MonthStart; ts < MonthEnd; ts = ts.AddSeconds(30))
        {
            if (ts > SilenceFrom && ts < SilenceTo) continue;
            var status = outage && ts >= OutageFrom && ts < OutageTo ? HealthStatus.Critical : HealthStatus.Ok;
            list.Add((list.Count + 1, ts, status));
        }

        Assert.Equal(87_841, list.Count);
        return list;
    }

    private async Task<(SlaReport Sla, IReadOnlyList<Incident> Incidents)> IngestAsync(string name, IReadOnlyList<(long Seq, DateTimeOffset Ts, HealthStatus Status)> results)
    {
        var store = new SqliteCollectorStore(Path.Combine(_dir, name + ".db"));
        await using var _ = store;
        await store.InitializeAsync(default);
        var time = new FakeTimeProvider(Now);
        var counters = new IngestCounters();
        var processor = ProductionPath.Processor(store, time, counters);
        foreach (var chunk in results.Chunk(500))
        {
            await processor.ProcessBatchAsync([.. chunk.Select(r => ProductionPath.Message(Site, 0, 0, r.Seq, r.Ts, r.Status))], default);
        }

        Assert.Equal(results.Count, counters.Get(IngestResult.Accepted));
        var catalog = new CatalogOptions
        {
            Services =
            [
                new ServiceDefinition
                {
                    Id = "mail", Name = "Courriel", Category = "critical",
                    Checks = [new CheckReference { Site = Site, Node = ProductionPath.Node(0), Check = ProductionPath.Check(0) }],
                },
            ],
            Contracts = [Contract("obnl-a", unknownCountsAsDown: true), Contract("obnl-b", unknownCountsAsDown: false)],
        };
        var reports = new ServiceLevelReports(store, ProductionPath.Monitor(catalog), ProductionPath.Monitor(new IncidentPolicy()), time);
        return (await reports.SlaAsync(October, default), await reports.IncidentsAsync(Now - MonthStart, default));
    }

    private static ContractDefinition Contract(string id, bool unknownCountsAsDown) => new()
    {
        Id = id, Client = id.ToUpper(CultureInfo.InvariantCulture), Services = ["mail"], MonthlyFee = 150.00m, Currency = "CAD", Objective = 99.5m,
        UnknownCountsAsDown = unknownCountsAsDown, Start = new DateOnly(2026, 1, 1),
    };
}
