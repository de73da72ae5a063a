namespace Chezlepro.Agent.Outbox;

/// <summary>A message about to be appended: its payload is rendered once its sequence number is known.</summary>
/// <param name="Kind">Kind (eviction policy).</param>
/// <param name="Topic">MQTT topic.</param>
/// <param name="Render">Builds the payload bytes for the given <c>seq</c>.</param>
/// <param name="Latch">For an alert event, the latch change it records (kept in the same transaction), else null.</param>
public sealed record PendingMessage(OutboxKind Kind, string Topic, Func<long, byte[]> Render, LatchChange? Latch = null);
