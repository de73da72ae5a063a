using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.Outbox;

/// <summary>
/// The durable store between capture and acknowledgement (architecture.md, data flow 2–3). Sequence
/// numbers are strictly increasing per node across restarts and never reused. A row leaves only when a
/// collector's watermark covers it or a bound evicts it (and then a gaps notice says so).
/// </summary>
public interface IOutbox
{
    /// <summary>Opens the store and applies its schema; called once at start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Appends one poll cycle's messages (and their latch changes) in one transaction; returns their sequence numbers.</summary>
    Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken);

    /// <summary>The oldest kept messages (sent or not) with <c>seq &gt; afterSeq</c>, in sequence order.</summary>
    Task<IReadOnlyList<OutboxMessage>> PeekAsync(long afterSeq, int max, CancellationToken cancellationToken);

    /// <summary>Records the PUBACK of messages: they stay until a watermark covers them.</summary>
    Task MarkSentAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken);

    /// <summary>Applies a collector's watermark: deletes every row at or below <paramref name="through"/> when it moves forward.</summary>
    Task<WatermarkOutcome> AcknowledgeAsync(long through, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the first watermark a fresh outbox hears before it has published anything (its retained one, right after
    /// SUBACK): any <c>through ≥ 1</c> is the node's watermark from before the file was lost, so every row is renumbered
    /// above it (<see cref="WatermarkOutcome.Adopted"/>). Once the outbox is past that hold, the same as
    /// <see cref="AcknowledgeAsync"/>.
    /// </summary>
    Task<WatermarkOutcome> AdoptAsync(long through, CancellationToken cancellationToken);

    /// <summary>Ends a fresh outbox's hold (no retained watermark came): from now on its rows may go out under their own seqs.</summary>
    Task ReleaseFreshHoldAsync(CancellationToken cancellationToken);

    /// <summary>Increments and returns the persisted connection counter.</summary>
    Task<long> NextSessionAsync(CancellationToken cancellationToken);

    /// <summary>Counts and sizes.</summary>
    Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Enforces the age and size bounds on every row (telemetry first, then health and alerts, gaps notices last),
    /// appends in the same transaction the gaps notice(s) built by <paramref name="notice"/> that describe exactly
    /// the evicted seqs, and gives free pages back; returns how many rows were evicted.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset now, Func<EvictedRange, PendingMessage> notice, CancellationToken cancellationToken);

    /// <summary>The alerts raised and not cleared, as persisted by <see cref="AppendAsync"/>.</summary>
    Task<IReadOnlyList<LatchedAlert>> GetLatchedAlertsAsync(CancellationToken cancellationToken);
}
