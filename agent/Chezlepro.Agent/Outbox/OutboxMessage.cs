namespace Chezlepro.Agent.Outbox;

/// <summary>A stored message no watermark has covered yet.</summary>
/// <param name="Seq">The node's sequence number.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Topic">MQTT topic.</param>
/// <param name="Payload">JSON payload (carries the same <paramref name="Seq"/>).</param>
/// <param name="CreatedAt">When it was appended.</param>
/// <param name="SentAt">When its first PUBACK arrived, or null while it has never reached the broker.</param>
public sealed record OutboxMessage(long Seq, OutboxKind Kind, string Topic, byte[] Payload, DateTimeOffset CreatedAt, DateTimeOffset? SentAt = null);
