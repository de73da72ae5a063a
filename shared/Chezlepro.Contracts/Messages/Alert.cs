namespace Chezlepro.Contracts.Messages;

/// <summary>The alert inside an <see cref="AlertEvent"/>.</summary>
public sealed record Alert
{
    /// <summary>Stable id of the condition (for example <c>grid-lost</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Raised or cleared.</summary>
    public required AlertState State { get; init; }

    /// <summary>Priority.</summary>
    public required Priority Priority { get; init; }

    /// <summary>Source that raised it.</summary>
    public required string Source { get; init; }

    /// <summary>French text (Québec), read first.</summary>
    public required string Summary { get; init; }

    /// <summary>English text.</summary>
    public required string SummaryEn { get; init; }
}
