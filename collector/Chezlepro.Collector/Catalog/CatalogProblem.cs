namespace Chezlepro.Collector.Catalog;

/// <summary>One validation problem: the configuration key (or request field), its value and the reason (English; <c>ReasonFr</c> in French when an API answers it).</summary>
/// <param name="Key">The key or field.</param>
/// <param name="Value">Its value as given.</param>
/// <param name="Reason">Why it is refused, in English.</param>
/// <param name="ReasonFr">The same in French; null where only operators read it (the catalog at start-up).</param>
public sealed record CatalogProblem(string Key, string? Value, string Reason, string? ReasonFr = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Key} = '{Value}': {Reason}";
}
