using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Sla;
using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Sla;

public class SlaReportFingerprintTests
{
    private static readonly DateTimeOffset Later = T("2026-06-01T00:00:00Z");

    [Fact]
    public void Compute_LateDataChangingTheMonth_ChangesTheFingerprint()
    {
        var april = MonthPeriod.Parse("2026-04");
        var clean = History(Mail, Local("2026-03-25 00:00"), Later);
        var late = History(Mail, Local("2026-03-25 00:00"), Later, (HealthStatus.Critical, Local("2026-04-10 13:00"), Local("2026-04-10 13:30")));
        var a = SlaReportFingerprint.Compute(SlaReportBuilder.Build(april, CatalogOf(Contract()), clean, [], Later));
        var b = SlaReportFingerprint.Compute(SlaReportBuilder.Build(april, CatalogOf(Contract()), late, [], Later));
        var again = SlaReportFingerprint.Compute(SlaReportBuilder.Build(april, CatalogOf(Contract()), clean, [], Later));
        Assert.Equal(64, a.Length);
        Assert.Equal(a, again);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Compute_TimelineLink_IsNotPartOfTheFingerprint()
    {
        // The fingerprint is over the CSV, the invoice numbers; the link to the explanation is presentation only.
        var april = MonthPeriod.Parse("2026-04");
        var report = SlaReportBuilder.Build(april, CatalogOf(Contract()), History(Mail, Local("2026-03-25 00:00"), Later), [], Later);
        Assert.NotNull(report.Contracts[0].Services[0].TimelineUrl);
        var unlinked = report with
        {
            Contracts = [.. report.Contracts.Select(c => c with { Services = [.. c.Services.Select(s => s with { TimelineUrl = null })] })],
        };
        Assert.Equal(SlaReportFingerprint.Compute(report), SlaReportFingerprint.Compute(unlinked));
    }
}
