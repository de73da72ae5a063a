using Chezlepro.Contracts.Topics;

namespace Chezlepro.Collector.Storage;

/// <summary>A validated agent message ready to store; <see cref="Payload"/> is the raw JSON as received.</summary>
/// <param name="Site">Site.</param>
/// <param name="Node">Node.</param>
/// <param name="Seq">Idempotency key within the node.</param>
/// <param name="Kind">Telemetry, health or alerts.</param>
/// <param name="Name">Source or check name; null for alerts.</param>
/// <param name="Ts">Capture time.</param>
/// <param name="Payload">Raw JSON.</param>
public sealed record StoredMessage(string Site, string Node, long Seq, TopicKind Kind, string? Name, DateTimeOffset Ts, string Payload);
