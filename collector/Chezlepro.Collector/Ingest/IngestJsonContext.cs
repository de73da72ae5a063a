using System.Text.Json.Serialization;
using Chezlepro.Contracts.Json;

namespace Chezlepro.Collector.Ingest;

/// <summary>Source-generated JSON of what ingest publishes itself: the collector's status (birth and will).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(CollectorStatus))]
internal sealed partial class IngestJsonContext : JsonSerializerContext
{
}
