using Xunit;

namespace Chezlepro.Integration.Tests.Prometheus;

/// <summary>The test classes that share one <see cref="RealScrape"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RealScrapeCollection : ICollectionFixture<RealScrape>
{
    public const string Name = "real scrape";
}
