using Xunit;

namespace Chezlepro.Integration.Tests.Prometheus;

/// <summary><c>promtool check metrics</c> on a real scrape of each service: names, units, <c>_total</c>, HELP and TYPE.</summary>
[Trait("Category", "Integration")]
[Collection(RealScrapeCollection.Name)]
public sealed class ExpositionConventionsTests(RealScrape scrape)
{
    [Fact]
    public async Task Collector_RealScrape_PromtoolFindsNoProblem() =>
        await Promtool.AssertPassesAsync(scrape.Collector, Path.GetTempPath(), "check", "metrics");

    [Fact]
    public async Task Agent_RealScrape_PromtoolFindsNoProblem() =>
        await Promtool.AssertPassesAsync(scrape.Agent, Path.GetTempPath(), "check", "metrics");

    [Fact]
    public void Collector_AloneOnItsSqliteStore_Leads() =>
        // ChezleproNoCollectorLeading (P1) reads this: a lone collector must say it leads, as the NOC treats it.
        Assert.Contains("\nchezlepro_collector_leader 1\n", scrape.Collector, StringComparison.Ordinal);
}
