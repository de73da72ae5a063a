using System.Globalization;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Sla;
using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Sla;

public class SlaCsvWriterTests
{
    private static readonly DateTimeOffset Later = T("2026-06-01T00:00:00Z");

    private static SlaReport Report(string client = "OBNL A")
    {
        var contract = Contract();
        contract.Client = client;
        var history = History(Mail, Local("2026-03-25 00:00"), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00")));
        return SlaReportBuilder.Build(MonthPeriod.Parse("2026-04"), CatalogOf(contract), history, [], Later);
    }

    [Fact]
    public void ToCsv_Report_ContractRowCarriesTheJsonNumbers()
    {
        var report = Report();
        var c = report.Contracts[0];
        var lines = SlaCsvWriter.ToCsv(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SlaCsvWriter.Header, lines[0]);
        var cells = lines[1].Split(',');
        Assert.Equal("2026-04", cells[0]);
        Assert.Equal("obnl-a", cells[1]);
        Assert.Equal("", cells[3]);
        Assert.Equal(c.From, DateTimeOffset.Parse(cells[4], CultureInfo.InvariantCulture));
        Assert.Equal(c.UpSeconds, double.Parse(cells[6], CultureInfo.InvariantCulture));
        Assert.Equal(c.DownSeconds, double.Parse(cells[7], CultureInfo.InvariantCulture));
        Assert.Equal(c.Availability, decimal.Parse(cells[10], CultureInfo.InvariantCulture));
        Assert.Equal(c.Shortfall, decimal.Parse(cells[12], CultureInfo.InvariantCulture));
        Assert.Equal(c.Tranches, int.Parse(cells[13], CultureInfo.InvariantCulture));
        Assert.Equal(c.CreditPercent, decimal.Parse(cells[14], CultureInfo.InvariantCulture));
        Assert.Equal(c.CreditAmount, decimal.Parse(cells[15], CultureInfo.InvariantCulture));
        Assert.Equal("7.50", cells[15]);
        Assert.Equal("mail", lines[2].Split(',')[3]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void ToCsv_UnderFrenchCulture_StillUsesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-CA");
            Assert.Contains(",99.444,", SlaCsvWriter.ToCsv(Report()), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ToCsv_ClientWithCommaAndQuote_IsQuoted() =>
        Assert.Contains("\"Café \"\"Chez Lepro\"\", inc.\"", SlaCsvWriter.ToCsv(Report("Café \"Chez Lepro\", inc.")), StringComparison.Ordinal);

    [Fact]
    public void ToCsv_ClientStartingWithFormula_IsDefused() =>
        Assert.Contains(",'=HYPERLINK(1),", SlaCsvWriter.ToCsv(Report("=HYPERLINK(1)")), StringComparison.Ordinal);

    [Fact]
    public void ToCsv_French_OnlyTheHeaderDiffers_SameColumnCount()
    {
        var report = Report();
        var en = SlaCsvWriter.ToCsv(report).Split("\r\n");
        var fr = SlaCsvWriter.ToCsv(report, french: true).Split("\r\n");
        Assert.Equal("mois,contrat,client,service,début,fin,dispo_s,panne_s,inconnu_s,exclu_s,disponibilité,objectif,écart,tranches,crédit_pct,crédit_montant,devise", fr[0]);
        Assert.Equal(SlaCsvWriter.Header.Split(',').Length, fr[0].Split(',').Length);
        Assert.Equal(en[1..], fr[1..]);
    }
}
