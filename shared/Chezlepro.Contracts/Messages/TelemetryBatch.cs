namespace Chezlepro.Contracts.Messages;

/// <summary>The samples one source produced in one poll.</summary>
public sealed record TelemetryBatch : AgentMessage
{
    /// <summary>Source name; matches the topic.</summary>
    public required string Source { get; init; }

    /// <summary>The values.</summary>
    public required IReadOnlyList<Sample> Samples { get; init; }
}
