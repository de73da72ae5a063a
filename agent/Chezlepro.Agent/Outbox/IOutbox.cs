namespace Chezlepro.Agent.Outbox;

/// <summary>
/// The durable store between capture and acknowledgement (architecture.md, data flow 2–3). Sequence
/// numbers are strictly increasing per node across restarts and never reused.
/// </summary>
public interface IOutbox
{
    /// <summary>Opens the store and applies its schema; called once at start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Appends one poll cycle's messages in one transaction; returns their sequence numbers.</summary>
    Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken);

    /// <summary>The oldest waiting messages with <c>seq &gt; afterSeq</c>, in sequence order.</summary>
    Task<IReadOnlyList<OutboxMessage>> PeekAsync(long afterSeq, int max, CancellationToken cancellationToken);

    /// <summary>Deletes acknowledged messages.</summary>
    Task DeleteAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken);

    /// <summary>Increments and returns the persisted connection counter.</summary>
    Task<long> NextSessionAsync(CancellationToken cancellationToken);

    /// <summary>Counts and sizes.</summary>
    Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>Evicts telemetry past the age or size limits; returns how many rows went.</summary>
    Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
