using Chezlepro.Collector.Ingest;
using Chezlepro.Contracts.Topics;
using Xunit;

namespace Chezlepro.Collector.Tests.Ingest;

public sealed class AgentTopicFiltersTests
{
    private readonly TopicScheme _topics = new();

    [Fact]
    public void For_NoGroup_ExactPlainFilters()
    {
        Assert.Equal(["chezlepro/v1/+/+/status", "chezlepro/v1/+/+/telemetry/+", "chezlepro/v1/+/+/health/+", "chezlepro/v1/+/+/alerts",
            "chezlepro/v1/+/+/gaps"], AgentTopicFilters.For(_topics, null));
        Assert.Equal(AgentTopicFilters.For(_topics, null), AgentTopicFilters.For(_topics));
    }

    [Fact]
    public void For_Group_OutboxTopicsShared_StatusSeenByEveryCollector()
    {
        Assert.Equal(["chezlepro/v1/+/+/status", "$share/col/chezlepro/v1/+/+/telemetry/+", "$share/col/chezlepro/v1/+/+/health/+",
            "$share/col/chezlepro/v1/+/+/alerts", "$share/col/chezlepro/v1/+/+/gaps"], AgentTopicFilters.For(_topics, "col"));
    }

    [Fact]
    public void Stale_Group_DropsThePlainOutboxFiltersOfARunWithoutOne_NeverACurrentFilter()
    {
        var stale = AgentTopicFilters.Stale(_topics, "col");
        Assert.Contains("chezlepro/v1/+/+/#", stale);
        Assert.Contains("chezlepro/v1/+/+/telemetry/+", stale);
        Assert.Empty(stale.Intersect(AgentTopicFilters.For(_topics, "col")));
        Assert.Equal(["chezlepro/v1/+/+/#"], AgentTopicFilters.Stale(_topics, null));
    }
}
