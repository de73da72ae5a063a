using Chezlepro.Contracts.Topics;

namespace Chezlepro.Collector.Ingest;

/// <summary>
/// The exact agent topics the collector ingests. Not <c>&lt;root&gt;/v1/+/+/#</c>: that filter also matches every node's
/// retained <c>ack</c>, so each watermark the collector publishes would come back to it, once per node per second at
/// fleet scale, only to be ignored.
/// </summary>
/// <remarks>
/// With <c>Collector:Group</c>, the collectors of the group split the stream: each outbox topic (<c>telemetry/+</c>,
/// <c>health/+</c>, <c>alerts</c>, <c>gaps</c>) is subscribed as <c>$share/&lt;group&gt;/&lt;filter&gt;</c>, so each message
/// reaches one collector, which stores it in the shared database (a duplicate is absorbed by the (site, node, seq) key).
/// <c>status</c> stays a plain subscription on every collector, on purpose: it is retained and rare (birth, will), every
/// collector must see a node's birth because only the leader republishes the node's watermark on it, and storing one status
/// twice is harmless (the session rule applies an equal status again, unchanged). The collector reads no other agent topic
/// (not <c>ack</c>: it writes it).
/// </remarks>
public static class AgentTopicFilters
{
    /// <summary>Status, telemetry, health, alerts and gaps of every node, for a collector alone.</summary>
    public static IReadOnlyList<string> For(TopicScheme topics) => For(topics, group: null);

    /// <summary>The filters of a collector in <paramref name="group"/> (null: alone, nothing shared).</summary>
    public static IReadOnlyList<string> For(TopicScheme topics, string? group)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return [Status(topics), .. Outbox(topics).Select(f => Shared(f, group))];
    }

    /// <summary>
    /// Filters an earlier run of this collector may have left in its durable session that its current filters do not
    /// replace: the wide filter of old versions and, in a group, the plain outbox filters of a run without one (which
    /// would otherwise deliver every message to this collector on top of its share).
    /// </summary>
    public static IReadOnlyList<string> Stale(TopicScheme topics, string? group)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return group is null ? [topics.AgentFilter] : [topics.AgentFilter, .. Outbox(topics)];
    }

    private static string Node(TopicScheme topics) => $"{topics.Root}/{TopicScheme.Version}/+/+/";

    private static string Status(TopicScheme topics) => Node(topics) + "status";

    private static IEnumerable<string> Outbox(TopicScheme topics)
    {
        var node = Node(topics);
        return [node + "telemetry/+", node + "health/+", node + "alerts", node + "gaps"];
    }

    private static string Shared(string filter, string? group) => group is null ? filter : $"$share/{group}/{filter}";
}
