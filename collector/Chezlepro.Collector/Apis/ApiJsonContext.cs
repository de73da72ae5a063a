using System.Text.Json.Serialization;
using Chezlepro.Contracts.Json;
using Chezlepro.Collector.Ingest;

namespace Chezlepro.Collector.Apis;

/// <summary>Source-generated JSON of the API and the collector's own status.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(IReadOnlyList<SiteDto>))]
[JsonSerializable(typeof(NodeLatestDto))]
[JsonSerializable(typeof(CollectorStatus))]
public sealed partial class CollectorJsonContext : JsonSerializerContext
{
}
