using Chezlepro.Integration.Tests.Support;
using Xunit;

namespace Chezlepro.Integration.Tests.Prometheus;

/// <summary>The shipped rules select only what the services really export (names after the promtool renames).</summary>
[Trait("Category", "Integration")]
[Collection(RealScrapeCollection.Name)]
public sealed class RuleMetricNamesTests(RealScrape scrape)
{
    [Fact]
    public void EveryRuleExpression_SelectsExportedMetrics()
    {
        var rules = Directory.GetFiles(Repository.Path("packaging", "prometheus", "rules"), "*.yml")
            .Select(f => RuleFile.Parse(File.ReadAllText(f))).ToList();
        var records = rules.SelectMany(r => r.Records).ToHashSet(StringComparer.Ordinal);
        var unknown = rules.SelectMany(r => r.Expressions)
            .SelectMany(e => KnownMetricNames.Unknown(e, scrape.MetricNamesByJob, records).Select(n => $"{n} in '{e}'"))
            .ToList();
        Assert.NotEmpty(rules.SelectMany(r => r.Expressions));
        Assert.True(unknown.Count == 0, "metrics not scraped:\n" + string.Join('\n', unknown));
    }
}
