using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Sla;
using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Sla;

public class SlaReportBuilderTests
{
    private static readonly MonthPeriod April = MonthPeriod.Parse("2026-04");
    private static readonly DateTimeOffset Later = T("2026-06-01T00:00:00Z");

    private static List<CheckStateInterval> FourHourOutage() =>
        History(Mail, Local("2026-03-25 00:00"), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00")));

    [Fact]
    public void Build_MonthWithFourHourOutage_OneTrancheFivePercent()
    {
        var report = SlaReportBuilder.Build(April, CatalogOf(Contract()), FourHourOutage(), [], Later);
        var c = Assert.Single(report.Contracts);
        Assert.Equal(99.444m, c.Availability);
        Assert.Equal(0.056m, c.Shortfall);
        Assert.Equal(1, c.Tranches);
        Assert.Equal(5m, c.CreditPercent);
        Assert.Equal(7.50m, c.CreditAmount);
        Assert.Equal(4 * 3600d, c.DownSeconds);
        Assert.True(report.Complete);
        var line = Assert.Single(c.Services);
        Assert.Equal(Local("2026-04-10 13:00"), Assert.Single(line.Availability.Intervals).From);
        Assert.StartsWith("Disponibilité de 99,444 % pour un objectif de 99,5 %", c.SummaryFr, StringComparison.Ordinal);
        Assert.Contains("7,50 CAD", c.SummaryFr, StringComparison.Ordinal);
        Assert.Contains("7.50 CAD", c.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MaintenanceOverTheOutage_ObjectiveMet()
    {
        var window = new MaintenanceWindow("w1", Local("2026-04-10 12:00"), Local("2026-04-10 16:00"), ["mail"], "Migration", Local("2026-04-03 10:00"), null);
        var c = Assert.Single(SlaReportBuilder.Build(April, CatalogOf(Contract()), FourHourOutage(), [window], Later).Contracts);
        Assert.Equal(0, c.Tranches);
        Assert.Equal(4 * 3600d, c.ExcludedSeconds);
        Assert.Equal(3600d, c.DownSeconds);
        Assert.Contains("objectif atteint", c.SummaryFr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownTime_CreditDependsOnThePolicy()
    {
        // 4 h without any data: 99.444 % when unknown counts as down, 100 % when it does not.
        var history = History(Mail, Local("2026-03-25 00:00"), Local("2026-04-10 13:00"));
        history.AddRange(History(Mail, Local("2026-04-10 17:00"), Later));
        var strict = Assert.Single(SlaReportBuilder.Build(April, CatalogOf(Contract(unknownCountsAsDown: true)), history, [], Later).Contracts);
        var lenient = Assert.Single(SlaReportBuilder.Build(April, CatalogOf(Contract(unknownCountsAsDown: false)), history, [], Later).Contracts);
        Assert.Equal(1, strict.Tranches);
        Assert.Equal(0, lenient.Tranches);
        Assert.Equal(4 * 3600d, strict.UnknownSeconds);
        Assert.Equal(4 * 3600d, lenient.UnknownSeconds);
        Assert.Equal(100m, lenient.Availability);
    }

    [Fact]
    public void Build_ContractStartingMidMonth_ClipsThePeriod()
    {
        // Outage on the 10th, contract from the 16th: the outage does not count; 15 days measured.
        var c = Assert.Single(SlaReportBuilder.Build(April, CatalogOf(Contract(start: "2026-04-16")), FourHourOutage(), [], Later).Contracts);
        Assert.Equal(Local("2026-04-16 00:00"), c.From);
        Assert.Equal(15 * 24 * 3600d, c.UpSeconds);
        Assert.Equal(0d, c.DownSeconds);
        Assert.Equal(100m, c.ExactAvailability);
    }

    [Fact]
    public void Build_ContractEndingMidMonth_EndIsInclusive()
    {
        var contract = Contract();
        contract.End = new DateOnly(2026, 4, 10);
        var c = Assert.Single(SlaReportBuilder.Build(April, CatalogOf(contract), FourHourOutage(), [], Later).Contracts);
        Assert.Equal(Local("2026-04-11 00:00"), c.To);
        Assert.Equal(4 * 3600d, c.DownSeconds);
        Assert.Equal(10 * 24 * 3600d, c.UpSeconds + c.DownSeconds);
        Assert.Equal(3, c.Tranches); // 236 h of 240 h = 98.333 %: 1.167 points short, 3 started tranches
        Assert.Equal(15m, c.CreditPercent);
    }

    [Fact]
    public void Build_ContractNotActiveThatMonth_IsLeftOut()
    {
        var report = SlaReportBuilder.Build(April, CatalogOf(Contract(start: "2026-05-02")), FourHourOutage(), [], Later);
        Assert.Empty(report.Contracts);
    }

    [Fact]
    public void Build_OpenMonth_MeasuresUpToNowAndIsNotComplete()
    {
        var now = Local("2026-04-15 00:00");
        var report = SlaReportBuilder.Build(April, CatalogOf(Contract()), FourHourOutage(), [], now);
        Assert.False(report.Complete);
        var c = Assert.Single(report.Contracts);
        Assert.Equal(now, c.To);
        Assert.Equal(14 * 24 * 3600d, c.UpSeconds + c.DownSeconds + c.UnknownSeconds);
    }

    [Fact]
    public void Build_MarchWithDst_DenominatorIsTheRealMonth()
    {
        var march = MonthPeriod.Parse("2026-03");
        var history = History(Mail, Local("2026-02-20 00:00"), Later);
        var c = Assert.Single(SlaReportBuilder.Build(march, CatalogOf(Contract()), history, [], Later).Contracts);
        Assert.Equal(743 * 3600d, c.UpSeconds);
    }

    [Fact]
    public void Build_TwoServices_PoolsServiceSeconds()
    {
        var contract = Contract(services: ["mail", "wiki"]);
        var catalog = CatalogOf(contract, Service("mail", "critical", Mail), Service("wiki", "important", Wiki));
        var history = FourHourOutage();
        history.AddRange(History(Wiki, Local("2026-03-25 00:00"), Later));
        var c = Assert.Single(SlaReportBuilder.Build(April, catalog, history, [], Later).Contracts);
        Assert.Equal((1440m - 4m) * 100m / 1440m, c.ExactAvailability);
        Assert.Equal(0, c.Tranches);
        Assert.Equal(2, c.Services.Count);
    }

    [Fact]
    public void Build_SameInputs_SameReport()
    {
        var a = SlaCsvWriter.ToCsv(SlaReportBuilder.Build(April, CatalogOf(Contract()), FourHourOutage(), [], Later));
        var b = SlaCsvWriter.ToCsv(SlaReportBuilder.Build(April, CatalogOf(Contract()), FourHourOutage().AsEnumerable().Reverse(), [], Later));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Build_ContractNamingUnknownService_Throws()
    {
        var catalog = CatalogOf(Contract(services: ["nope"]));
        Assert.Throws<InvalidOperationException>(() => { _ = SlaReportBuilder.Build(April, catalog, Array.Empty<CheckStateInterval>(), [], Later); });
    }
}
