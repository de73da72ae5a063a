using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Collector.Apis;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Reports.ClientReport;
using Chezlepro.Collector.Rpo;
using Chezlepro.Collector.Sla;
using Chezlepro.Contracts.Messages;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Collector.Tests.Reports.ClientReport;

/// <summary>The document's model of the month worked out in <see cref="ReportMonth"/>: the JSON report's numbers, the periods, incidents and RPO.</summary>
public sealed class ClientReportBuilderTests : IAsyncLifetime
{
    private static readonly MonthPeriod October = new(2026, 10);
    private ReportMonth _month = null!;

    public async Task InitializeAsync() => _month = await ReportMonth.StartAsync();

    public async Task DisposeAsync() => await _month.DisposeAsync();

    [Fact]
    public async Task Build_KnownOctober_FiguresAreTheJsonReportsAndTheHandWorkedOnes()
    {
        var doc = await Builder().BuildAsync(October, "obnl-a", default);
        Assert.NotNull(doc);
        using var reader = _month.Client();
        var json = await reader.GetFromJsonAsync<JsonElement>("/api/v1/sla/2026-10");
        var contract = json.GetProperty("contracts")[0];

        // The model carries the JSON report's own line: serialized the same, number for number.
        Assert.Equal(contract.GetRawText(), JsonSerializer.Serialize(doc.Sla, ReportJsonContext.Default.ContractSlaReport));
        Assert.Equal((98.250m, 1.250m, 3, 15m, 22.50m), (doc.Sla.Availability, doc.Sla.Shortfall, doc.Sla.Tranches, doc.Sla.CreditPercent, doc.Sla.CreditAmount));
        Assert.Equal((2_628_000d, 7_200d, 39_600d, 3_600d), (doc.Sla.UpSeconds, doc.Sla.DownSeconds, doc.Sla.UnknownSeconds, doc.Sla.ExcludedSeconds));
        Assert.Equal(new CreditRule(0.5m, 5m, 20m), doc.Rule);
        Assert.False(doc.Closed);
        Assert.True(doc.Complete);

        var csv = await reader.GetByteArrayAsync("/api/v1/sla/2026-10?format=csv");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csv)), doc.Fingerprint);
    }

    [Fact]
    public async Task Build_KnownOctober_PeriodsAddUpToTheFiguresWithTheirCauses()
    {
        var doc = (await Builder().BuildAsync(October, "obnl-a", default))!;

        Assert.True(doc.PeriodsMatchFigures);
        Assert.Equal(
            [
                (TimelineKind.Excluded, new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero), 3_600m),
                (TimelineKind.Unknown, new DateTimeOffset(2026, 10, 15, 17, 0, 0, TimeSpan.Zero), 39_600m),
                (TimelineKind.Down, ReportMonth.OutageFrom, 7_200m),
            ],
            doc.Periods.Select(p => (p.Kind, p.From, p.Seconds)));
        Assert.Equal(("mw-kernel", "Mise à jour <noyau> & redémarrage"), (doc.Periods[0].Causes[0].WindowId, doc.Periods[0].Causes[0].WindowReason));
        Assert.Equal((TimelineCauseKind.Stale, (DateTimeOffset?)new DateTimeOffset(2026, 10, 15, 16, 0, 0, TimeSpan.Zero)),
            (doc.Periods[1].Causes[0].Kind, doc.Periods[1].Causes[0].LastResultAt));
        Assert.Equal((TimelineCauseKind.Critical, "probe.mail"), (doc.Periods[2].Causes[0].Kind, doc.Periods[2].Causes[0].Check?.Check));
        Assert.All(doc.Periods, p => Assert.Equal(ReportMonth.ServiceName, p.ServiceName));
    }

    [Fact]
    public async Task Build_KnownOctober_IncidentWithTargetsMttaMttr()
    {
        var doc = (await Builder().BuildAsync(October, "obnl-a", default))!;

        var incident = Assert.Single(doc.Incidents);
        Assert.Equal(Priority.P1, incident.Incident.Priority);
        Assert.Equal((TimeSpan?)TimeSpan.FromMinutes(10), incident.ResponseTime);
        Assert.Equal(ReportMonth.OutageFrom.AddHours(2) - incident.Incident.DetectedAt, incident.RestoreTime);
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(4)), (incident.Targets.Acknowledge, incident.Targets.Restore));
        Assert.Equal((1, 1, 1), (doc.IncidentFigures.Count, doc.IncidentFigures.Acknowledged, doc.IncidentFigures.Restored));
        Assert.Equal((TimeSpan?)TimeSpan.FromMinutes(10), doc.IncidentFigures.Mtta);
        Assert.Equal(incident.RestoreTime, doc.IncidentFigures.Mttr);
        Assert.Equal((0, 0), (doc.IncidentFigures.AcknowledgeBreaches, doc.IncidentFigures.RestoreBreaches));
    }

    [Fact]
    public async Task Build_KnownOctober_RpoOfTheMonthNotOfToday()
    {
        var doc = (await Builder().BuildAsync(October, "obnl-a", default))!;

        var guest = Assert.Single(doc.Guests);
        Assert.Equal(("vm-101", RpoStatus.Met, TimeSpan.FromHours(1)), (guest.GuestId, guest.Status, guest.Target));
        // Status at the month's end, not at "now" (three weeks later, when no backup has come since).
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero), guest.LastGoodBackupAt);
        var breach = Assert.Single(guest.Breaches);
        Assert.Equal((new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.Zero), 18_000d), (breach.From, breach.Seconds));
    }

    [Fact]
    public async Task Build_ContractNotInTheMonth_Null()
    {
        Assert.Null(await Builder().BuildAsync(October, "nope", default));
        Assert.Null(await Builder().BuildAsync(new MonthPeriod(2025, 12), "obnl-a", default));
    }

    private ClientReportBuilder Builder() => _month.Factory.Services.GetRequiredService<ClientReportBuilder>();
}
