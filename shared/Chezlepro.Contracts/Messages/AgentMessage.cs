namespace Chezlepro.Contracts.Messages;

/// <summary>Fields every outbox message of an agent carries (contract.md, "Payloads").</summary>
public abstract record AgentMessage
{
    /// <summary>Payload schema version; <see cref="SchemaVersion.Current"/>.</summary>
    public int Schema { get; init; } = SchemaVersion.Current;

    /// <summary>Site identity; must match the topic.</summary>
    public required string Site { get; init; }

    /// <summary>Node identity; must match the topic.</summary>
    public required string Node { get; init; }

    /// <summary>The node's outbox sequence number: strictly increasing across restarts, never reused.</summary>
    public long Seq { get; init; }

    /// <summary>Capture time (UTC), not send time.</summary>
    public DateTimeOffset Ts { get; init; }
}
