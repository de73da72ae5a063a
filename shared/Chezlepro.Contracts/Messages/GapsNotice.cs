namespace Chezlepro.Contracts.Messages;

/// <summary>
/// An agent's declaration that outbox rows were evicted before any collector acknowledged them. It is itself an
/// outbox message with its own seq, so it is delivered and acknowledged like the rest, and it lets the collector
/// pass its watermark over the evicted range and explain the missing minutes.
/// </summary>
public sealed record GapsNotice : AgentMessage
{
    /// <summary>The evicted range.</summary>
    public required EvictedRange Evicted { get; init; }
}
