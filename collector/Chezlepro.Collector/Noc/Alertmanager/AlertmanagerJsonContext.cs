using System.Text.Json.Serialization;

namespace Chezlepro.Collector.Noc.Alertmanager;

/// <summary>Source-generated JSON of the Alertmanager API v2 body (RFC 3339 times, camelCase names).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<AlertmanagerAlert>))]
internal sealed partial class AlertmanagerJsonContext : JsonSerializerContext
{
}
