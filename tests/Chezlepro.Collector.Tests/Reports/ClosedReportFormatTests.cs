using System.Text.Json;
using Chezlepro.Collector.Apis;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Sla;
using Chezlepro.Collector.Storage.Formats;
using Chezlepro.Collector.Storage.Sqlite;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Reports;

/// <summary>Closed months are kept in a stored format of their own and read back exactly as they were closed.</summary>
public sealed class ClosedReportFormatTests : IAsyncLifetime
{
    // closed_months.report exactly as the collector wrote it before the stored format existed (the API's SlaReport
    // through ReportJsonContext): no version field, enum names as written by the string enum converter.
    private const string FrozenBeforeTheStoredFormat = """
        {"month":"2026-04","from":"2026-04-01T04:00:00.000Z","to":"2026-05-01T04:00:00.000Z","computedAt":"2026-06-01T00:00:00.000Z","complete":true,"contracts":[{"contractId":"obnl-a","client":"OBNL A","from":"2026-04-01T04:00:00.000Z","to":"2026-05-01T04:00:00.000Z","objective":99.5,"unknownCountsAsDown":true,"upSeconds":2576400,"downSeconds":14400,"unknownSeconds":1200,"excludedSeconds":0,"exactAvailability":99.39814814814814814814814815,"availability":99.398,"shortfall":0.102,"tranches":1,"creditPercent":5,"capped":false,"monthlyFee":150.00,"creditAmount":7.50,"currency":"CAD","services":[{"serviceId":"mail","name":"Courriel","category":"critical","availability":{"serviceId":"mail","from":"2026-04-01T04:00:00.000Z","to":"2026-05-01T04:00:00.000Z","unknownCountsAsDown":true,"upSeconds":2576400,"downSeconds":14400,"unknownSeconds":1200,"excludedSeconds":0,"exact":99.39814814814814814814814815,"percent":99.398,"intervals":[{"from":"2026-04-10T17:00:00.000Z","to":"2026-04-10T21:00:00.000Z","state":"Down","causes":[{"site":"ovh","node":"proxy1","check":"probe.mail"}],"seconds":14400},{"from":"2026-04-12T17:00:00.000Z","to":"2026-04-12T17:20:00.000Z","state":"Unknown","causes":[{"site":"ovh","node":"proxy1","check":"probe.mail"}],"seconds":1200}]},"timelineUrl":"/api/v1/availability/mail/timeline?month=2026-04"}],"summaryFr":"Disponibilit\u00E9 de 99,398 % pour un objectif de 99,5 % : \u00E9cart de 0,102 point, 1 tranche entam\u00E9e, cr\u00E9dit de 5 %, soit 7,50 CAD.","summaryEn":"Availability 99.398% against an objective of 99.5%: shortfall 0.102 point, 1 started tranche, credit 5%, i.e. 7.50 CAD."}]}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("closed-report-").FullName;
    private SqliteCollectorStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteCollectorStore(Path.Combine(_dir, "collector.db"));
        await _store.InitializeAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private ServiceLevelReports Reports() => new(_store, ProductionPath.Monitor(CatalogOf(Contract())), ProductionPath.Monitor(new IncidentPolicy()),
        new FakeTimeProvider(T("2026-06-01T00:00:00Z")));

    [Fact]
    public async Task Sla_MonthFrozenBeforeTheStoredFormat_EveryFigureAsClosed()
    {
        Assert.True(await _store.CloseMonthAsync("2026-04", FrozenBeforeTheStoredFormat, "operator", T("2026-05-02T00:00:00Z"), default));

        var report = await Reports().SlaAsync(MonthPeriod.Parse("2026-04"), default);

        var contract = Assert.Single(report.Contracts);
        Assert.Equal((2576400d, 14400d, 1200d, 99.398m, 5m, 7.50m),
            (contract.UpSeconds, contract.DownSeconds, contract.UnknownSeconds, contract.Availability, contract.CreditPercent, contract.CreditAmount));
        // The service line: before the stored format it read back at 0 s with no percentage (its times are not in
        // the API's JSON as settable values), so a frozen month's CSV and JSON differed from the month as closed.
        var service = Assert.Single(contract.Services).Availability;
        Assert.Equal((2576400d, 14400d, 1200d, 0d, 99.398m), (service.UpSeconds, service.DownSeconds, service.UnknownSeconds, service.ExcludedSeconds, service.Percent));
        Assert.Equal(contract.ExactAvailability, service.Exact);
        Assert.Equal([(ServiceState.Down, 14400d), (ServiceState.Unknown, 1200d)], service.Intervals.Select(i => (i.State, i.Seconds)));
        Assert.Equal(new CheckKey("ovh", "proxy1", "probe.mail"), service.Intervals[0].Causes.Single());
        Assert.Equal("/api/v1/availability/mail/timeline?month=2026-04", contract.Services[0].TimelineUrl);
        Assert.Equal(
            "2026-04,obnl-a,OBNL A,mail,2026-04-01T04:00:00.000Z,2026-05-01T04:00:00.000Z,2576400,14400,1200,0,99.398,99.5,,,,,CAD",
            SlaCsvWriter.ToCsv(report).Split("\r\n")[2]);
    }

    [Fact]
    public async Task Close_StoresVersion1_AndReadsBackWhatTheApiServedBeforeClosing()
    {
        var reports = Reports();
        var april = MonthPeriod.Parse("2026-04");
        var open = await reports.SlaAsync(april, default);

        Assert.True(await reports.CloseAsync(april, "operator", default));

        Assert.StartsWith("{\"version\":1,\"month\":\"2026-04\"", await _store.GetClosedReportAsync("2026-04", default), StringComparison.Ordinal);
        var frozen = await reports.SlaAsync(april, default);
        Assert.Equal(JsonSerializer.Serialize(open, ReportJsonContext.Default.SlaReport), JsonSerializer.Serialize(frozen, ReportJsonContext.Default.SlaReport));
    }

    [Fact]
    public void ToStored_ThenToReport_TheApiJsonUnchanged()
    {
        var later = T("2026-06-01T00:00:00Z");
        var history = History(Mail, Local("2026-03-25 00:00"), later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00")),
            (HealthStatus.Unknown, Local("2026-04-12 13:00"), Local("2026-04-12 13:20")));
        var report = SlaReportBuilder.Build(MonthPeriod.Parse("2026-04"), CatalogOf(Contract()), new CheckHistoryIndex(history), [], later);

        var back = StoredFormat.ReadReport(StoredFormat.WriteReport(report.ToStored())).ToReport();

        Assert.Equal(JsonSerializer.Serialize(report, ReportJsonContext.Default.SlaReport), JsonSerializer.Serialize(back, ReportJsonContext.Default.SlaReport));
    }

    [Fact]
    public void ReadReport_NewerVersion_RefusedWithTheVersion()
    {
        var ex = Assert.Throws<InvalidDataException>(() => StoredFormat.ReadReport("""{"version":2,"month":"2026-04"}"""));
        Assert.Contains("version 2", ex.Message, StringComparison.Ordinal);
    }
}
