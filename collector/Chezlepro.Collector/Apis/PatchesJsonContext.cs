using System.Text.Json.Serialization;
using Chezlepro.Contracts.Json;

namespace Chezlepro.Collector.Apis;

/// <summary>Source-generated JSON of the patches API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(PatchesDto))]
public sealed partial class PatchesJsonContext : JsonSerializerContext
{
}
