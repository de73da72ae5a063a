namespace Chezlepro.Collector.Storage.Formats;

/// <summary>A check named in a stored report: site, node, check.</summary>
public sealed record StoredCheckKeyV1
{
    /// <summary>Site.</summary>
    public required string Site { get; init; }

    /// <summary>Node.</summary>
    public required string Node { get; init; }

    /// <summary>Check name.</summary>
    public required string Check { get; init; }
}
