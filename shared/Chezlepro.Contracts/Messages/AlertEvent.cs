namespace Chezlepro.Contracts.Messages;

/// <summary>An alert raised or cleared by an agent's local rules.</summary>
public sealed record AlertEvent : AgentMessage
{
    /// <summary>The alert.</summary>
    public required Alert Alert { get; init; }
}
