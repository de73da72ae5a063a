namespace Chezlepro.Contracts.Messages;

/// <summary>
/// Seqs an agent evicted unacknowledged. Without <see cref="Ranges"/> every seq from <see cref="From"/> to
/// <see cref="To"/> was evicted (<see cref="Count"/> = <c>To - From + 1</c>). Eviction takes telemetry first, so the
/// evicted seqs are often interleaved with kept health results and alerts; then <see cref="Ranges"/> lists exactly the
/// evicted runs. A collector may pass its watermark only over seqs it knows were evicted: a kept row inside
/// <c>From..To</c> may still be on its way, and treating it as evicted would let the agent delete it undelivered.
/// </summary>
public sealed record EvictedRange
{
    /// <summary>Reason an outbox bound gives: <c>bytes</c>.</summary>
    public const string ReasonBytes = "bytes";

    /// <summary>Reason an outbox bound gives: <c>age</c>.</summary>
    public const string ReasonAge = "age";

    /// <summary>First evicted seq.</summary>
    public long From { get; init; }

    /// <summary>Last evicted seq (inclusive).</summary>
    public long To { get; init; }

    /// <summary>How many rows in the range were evicted.</summary>
    public long Count { get; init; }

    /// <summary>
    /// The evicted runs, ascending and disjoint, within <see cref="From"/>..<see cref="To"/>, their sizes adding up to
    /// <see cref="Count"/>; absent when the whole range was evicted. (An addition to contract.md's example.)
    /// </summary>
    public IReadOnlyList<SeqSpan>? Ranges { get; init; }

    /// <summary>Which bound evicted them: <c>bytes</c> or <c>age</c>.</summary>
    public required string Reason { get; init; }
}
