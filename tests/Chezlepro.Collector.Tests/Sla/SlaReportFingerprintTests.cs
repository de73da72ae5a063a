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
}
