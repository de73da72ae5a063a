namespace Chezlepro.Contracts.Messages;

/// <summary>
/// Seqs an agent evicted unacknowledged. <see cref="Count"/> may be below <c>To - From + 1</c>: rows inside the range
/// that were kept (alerts, health results, already acknowledged ones) are not part of the eviction.
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

    /// <summary>Which bound evicted them: <c>bytes</c> or <c>age</c>.</summary>
    public required string Reason { get; init; }
}
