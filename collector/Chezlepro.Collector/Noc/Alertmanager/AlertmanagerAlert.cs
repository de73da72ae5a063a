using System.Text.Json.Serialization;

namespace Chezlepro.Collector.Noc.Alertmanager;

/// <summary>One element of the body of <c>POST /api/v2/alerts</c> (Alertmanager's OpenAPI <c>postableAlert</c>).</summary>
/// <param name="Labels">Identity of the alert: Alertmanager de-duplicates on the whole label set.</param>
/// <param name="Annotations">Texts (<c>summary</c> in French, <c>summary_en</c>).</param>
/// <param name="StartsAt">When the alert was first raised.</param>
/// <param name="EndsAt">When Alertmanager may consider it resolved: now for a clear, a horizon for a raise.</param>
/// <param name="GeneratorUrl">Optional link back to the collector.</param>
public sealed record AlertmanagerAlert(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    [property: JsonPropertyName("generatorURL")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GeneratorUrl);
