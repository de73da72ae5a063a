namespace Chezlepro.Contracts.Messages;

/// <summary>A failover decision, retained on <c>&lt;root&gt;/v1/failover/&lt;group&gt;</c>.</summary>
public sealed record FailoverDecision
{
    /// <summary>Payload schema version.</summary>
    public int Schema { get; init; } = SchemaVersion.Current;

    /// <summary>Failover group.</summary>
    public required string Group { get; init; }

    /// <summary>Site that should now serve the group.</summary>
    public required string Active { get; init; }

    /// <summary>Site that served it before.</summary>
    public string? Previous { get; init; }

    /// <summary>Increases by one per decision; consumers apply only a higher epoch than the last applied.</summary>
    public long Epoch { get; init; }

    /// <summary><c>automatic</c> or <c>advisory</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>Why (for example <c>primary-unreachable</c>, <c>planned-battery</c>, <c>failback</c>).</summary>
    public required string Reason { get; init; }

    /// <summary>When the decision was taken.</summary>
    public DateTimeOffset DecidedAt { get; init; }
}
