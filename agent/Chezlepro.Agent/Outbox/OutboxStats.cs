namespace Chezlepro.Agent.Outbox;

/// <summary>The outbox at a glance (status page, metrics).</summary>
/// <param name="Depth">Rows waiting to be sent (no PUBACK yet).</param>
/// <param name="Bytes">Payload bytes kept (every row, sent or not: the bounds hold for all).</param>
/// <param name="OldestCreatedAt">When the oldest waiting row was appended, or null when none waits.</param>
/// <param name="NextSeq">The sequence number the next message will get.</param>
/// <param name="Evicted">Rows evicted since the database was created.</param>
/// <param name="Unacknowledged">Rows kept because no watermark covers them yet (waiting and sent).</param>
/// <param name="OldestUnacknowledgedAt">When the oldest unacknowledged row was appended, or null when none.</param>
/// <param name="Watermark">The highest watermark seen (every seq at or below it is acknowledged).</param>
/// <param name="GapsNotices">Gaps notices appended since the database was created.</param>
/// <param name="SeqAdoptions">Times a fresh outbox took over the node's retained watermark (a lost outbox file; README).</param>
/// <param name="HoldsFirstPublish">A fresh outbox that has not yet heard its node's retained watermark nor given up waiting for it (README).</param>
public sealed record OutboxStats(long Depth, long Bytes, DateTimeOffset? OldestCreatedAt, long NextSeq, long Evicted,
    long Unacknowledged = 0, DateTimeOffset? OldestUnacknowledgedAt = null, long Watermark = 0, long GapsNotices = 0,
    long SeqAdoptions = 0, bool HoldsFirstPublish = false);
