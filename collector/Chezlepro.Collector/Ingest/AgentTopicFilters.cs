using Chezlepro.Contracts.Topics;

namespace Chezlepro.Collector.Ingest;

/// <summary>
/// The exact agent topics the collector ingests. Not <c>&lt;root&gt;/v1/+/+/#</c>: that filter also matches every node's
/// retained <c>ack</c>, so each watermark the collector publishes would come back to it, once per node per second at
/// fleet scale, only to be ignored.
/// </summary>
public static class AgentTopicFilters
{
    /// <summary>Status, telemetry, health, alerts and gaps of every node.</summary>
    public static IReadOnlyList<string> For(TopicScheme topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var node = $"{topics.Root}/{TopicScheme.Version}/+/+/";
        return [node + "status", node + "telemetry/+", node + "health/+", node + "alerts", node + "gaps"];
    }
}
