namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>Seqs of a node that are not stored.</summary>
/// <param name="From">First missing seq.</param>
/// <param name="To">Last missing seq (inclusive).</param>
/// <param name="Explained">True when a gaps notice declared them evicted; false for a hole that holds the watermark.</param>
/// <param name="Reason">The eviction reason (<c>bytes</c>, <c>age</c>) when explained.</param>
/// <param name="Since">When the notice was received (explained), or the first seq after the hole (unexplained).</param>
public sealed record MissingRange(long From, long To, bool Explained, string? Reason, DateTimeOffset Since)
{
    /// <summary>Seqs in the range.</summary>
    public long Count => To - From + 1;
}
