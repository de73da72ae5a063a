namespace Chezlepro.Contracts.Messages;

/// <summary>An alert the collector publishes on <c>&lt;root&gt;/v1/noc/alerts</c>.</summary>
public sealed record NocAlert
{
    /// <summary>Payload schema version.</summary>
    public int Schema { get; init; } = SchemaVersion.Current;

    /// <summary>Stable id (for example <c>node-offline:lanaudiere/pve1</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Raised or cleared.</summary>
    public required AlertState State { get; init; }

    /// <summary>Priority.</summary>
    public required Priority Priority { get; init; }

    /// <summary>Site concerned, when there is one.</summary>
    public string? Site { get; init; }

    /// <summary>Node concerned, when there is one.</summary>
    public string? Node { get; init; }

    /// <summary>French text.</summary>
    public required string Summary { get; init; }

    /// <summary>English text.</summary>
    public required string SummaryEn { get; init; }

    /// <summary>When it was raised or cleared.</summary>
    public DateTimeOffset Ts { get; init; }
}
