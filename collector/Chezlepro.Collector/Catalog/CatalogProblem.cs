using Chezlepro.Hosting.Configuration;

namespace Chezlepro.Collector.Catalog;

/// <summary>One validation problem: the configuration key (or request field), its value and the reason (English; <c>ReasonFr</c> in French).</summary>
/// <param name="Key">The key or field.</param>
/// <param name="Value">Its value as given.</param>
/// <param name="Reason">Why it is refused, in English.</param>
/// <param name="ReasonFr">The same in French (an API's detail, the second half of a start-up message); null when none was written.</param>
public sealed record CatalogProblem(string Key, string? Value, string Reason, string? ReasonFr = null)
{
    /// <summary>The start-up message: <c>key = 'value': reason</c> in English, then the French reason when there is one (<see cref="ValidationText"/>).</summary>
    public override string ToString() => ReasonFr is null ? $"{Key} = '{Value}': {Reason}" : ValidationText.Of($"{Key} = '{Value}': {Reason}", ReasonFr);
}
