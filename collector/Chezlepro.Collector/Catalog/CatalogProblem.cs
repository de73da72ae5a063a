namespace Chezlepro.Collector.Catalog;

/// <summary>One validation problem: the configuration key (or request field), its value and the reason.</summary>
public sealed record CatalogProblem(string Key, string? Value, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Key} = '{Value}': {Reason}";
}
