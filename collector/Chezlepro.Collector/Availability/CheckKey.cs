namespace Chezlepro.Collector.Availability;

/// <summary>Identity of one check's history: site, node, check name.</summary>
public readonly record struct CheckKey(string Site, string Node, string Check)
{
    /// <inheritdoc />
    public override string ToString() => $"{Site}/{Node}/{Check}";
}
