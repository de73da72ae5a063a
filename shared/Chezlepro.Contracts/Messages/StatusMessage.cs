namespace Chezlepro.Contracts.Messages;

/// <summary>
/// Birth, will and shutdown of an agent (retained). Not an outbox message: no <c>seq</c>. The collector
/// ignores a status whose <see cref="Session"/> is older than the newest it has seen for the node.
/// </summary>
public sealed record StatusMessage
{
    /// <summary>Reason carried by the will.</summary>
    public const string ReasonLost = "lost";

    /// <summary>Reason published by a clean stop.</summary>
    public const string ReasonShutdown = "shutdown";

    /// <summary>Payload schema version.</summary>
    public int Schema { get; init; } = SchemaVersion.Current;

    /// <summary>Site identity.</summary>
    public required string Site { get; init; }

    /// <summary>Node identity.</summary>
    public required string Node { get; init; }

    /// <summary>True for a birth, false for a will or shutdown.</summary>
    public bool Online { get; init; }

    /// <summary><c>lost</c> or <c>shutdown</c> when offline; absent on a birth.</summary>
    public string? Reason { get; init; }

    /// <summary>Connection counter, +1 on every connection, persisted by the agent.</summary>
    public long Session { get; init; }

    /// <summary>When the status was produced.</summary>
    public DateTimeOffset Ts { get; init; }

    /// <summary>Agent version.</summary>
    public string? AgentVersion { get; init; }

    /// <summary>When the agent process started.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
