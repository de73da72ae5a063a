using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Catalog;
using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Availability;

public class AvailabilityCalculatorAllTests
{
    [Fact]
    public void ComputeAll_Catalog_OneLinePerServiceOrOnlyTheOneAsked()
    {
        var now = T("2026-04-20T00:00:00Z");
        var catalog = new CatalogOptions { Services = [Service("mail", "critical", Mail), Service("wiki", "important", Wiki)] };
        var history = History(Mail, now.AddDays(-10), now, (HealthStatus.Critical, now.AddHours(-2), now.AddHours(-1)));
        history.AddRange(History(Wiki, now.AddDays(-10), now));
        var index = new CheckHistoryIndex(history);
        var all = AvailabilityCalculator.ComputeAll(catalog, index, [], now.AddDays(-1), now, now);
        Assert.Equal(["mail", "wiki"], all.Select(a => a.ServiceId));
        Assert.Equal(TimeSpan.FromHours(1), all[0].Down);
        Assert.Equal(100m, all[1].Exact);
        Assert.Equal("wiki", Assert.Single(AvailabilityCalculator.ComputeAll(catalog, index, [], now.AddDays(-1), now, now, "wiki")).ServiceId);
    }
}
