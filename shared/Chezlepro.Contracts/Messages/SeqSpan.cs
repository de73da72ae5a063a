namespace Chezlepro.Contracts.Messages;

/// <summary>An inclusive run of sequence numbers.</summary>
/// <param name="From">First seq.</param>
/// <param name="To">Last seq (inclusive).</param>
public sealed record SeqSpan(long From, long To);
