using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Apis;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Sla;
using Chezlepro.Collector.Storage.Formats;
using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Sla;

public class SlaReportJsonTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Serialize_WebDefaults_CarriesTheNumbersTheCsvCarries()
    {
        var later = T("2026-06-01T00:00:00Z");
        var history = History(Mail, Local("2026-03-25 00:00"), later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 17:00")));
        var report = SlaReportBuilder.Build(MonthPeriod.Parse("2026-04"), CatalogOf(Contract()), history, [], later);
        var json = JsonNode.Parse(JsonSerializer.Serialize(report, WebJson))!;
        var c = json["contracts"]![0]!;
        Assert.Equal("2026-04", (string?)json["month"]);
        Assert.Equal(99.444m, (decimal?)c["availability"]);
        Assert.Equal(7.50m, (decimal?)c["creditAmount"]);
        Assert.Equal(5m, (decimal?)c["creditPercent"]);
        Assert.Equal(1, (int?)c["tranches"]);
        var svc = c["services"]![0]!["availability"]!;
        Assert.Equal(14400d, (double?)svc["downSeconds"]);
        Assert.Null(svc["segments"]);
        Assert.Equal("probe.mail", (string?)svc["intervals"]![0]!["causes"]![0]!["check"]);
        Assert.Equal("/api/v1/availability/mail/timeline?month=2026-04", (string?)c["services"]![0]!["timelineUrl"]);
        var csvRow = SlaCsvWriter.ToCsv(report).Split("\r\n")[1].Split(',');
        Assert.Equal(((decimal?)c["availability"])!.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), csvRow[10]);
    }

    [Fact]
    public void Deserialize_ReportFrozenBeforeTheTimelineLink_ReadsBackWithoutIt()
    {
        var later = T("2026-06-01T00:00:00Z");
        var report = SlaReportBuilder.Build(MonthPeriod.Parse("2026-04"), CatalogOf(Contract()), History(Mail, Local("2026-03-25 00:00"), later), [], later);
        var json = JsonNode.Parse(StoredFormat.WriteReport(report.ToStored()))!;
        json["contracts"]![0]!["services"]![0]!.AsObject().Remove("timelineUrl");
        var frozen = StoredFormat.ReadReport(json.ToJsonString()).ToReport();
        Assert.Null(frozen.Contracts[0].Services[0].TimelineUrl);
        Assert.Equal(report.Contracts[0].Availability, frozen.Contracts[0].Availability);
    }
}
