using System.Text.Json.Serialization;
using Chezlepro.Contracts.Json;

namespace Chezlepro.Collector.Apis;

/// <summary>Source-generated JSON of the restore-tests API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(RestoreTestRequestDto))]
[JsonSerializable(typeof(RestoreTestDto))]
[JsonSerializable(typeof(RestoreTestsDto))]
public sealed partial class RestoreTestsJsonContext : JsonSerializerContext
{
}
