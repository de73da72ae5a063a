namespace Chezlepro.Agent.Outbox;

/// <summary>The outbox at a glance (status page, metrics).</summary>
/// <param name="Depth">Rows waiting.</param>
/// <param name="Bytes">Payload bytes waiting.</param>
/// <param name="OldestCreatedAt">When the oldest waiting row was appended, or null when empty.</param>
/// <param name="NextSeq">The sequence number the next message will get.</param>
/// <param name="Evicted">Rows evicted since the database was created.</param>
public sealed record OutboxStats(long Depth, long Bytes, DateTimeOffset? OldestCreatedAt, long NextSeq, long Evicted);
