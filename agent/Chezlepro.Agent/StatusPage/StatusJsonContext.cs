using System.Text.Json.Serialization;
using Chezlepro.Contracts.Json;

namespace Chezlepro.Agent.StatusPage;

/// <summary>Source-generated JSON of the status API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(StatusSnapshot))]
public sealed partial class StatusJsonContext : JsonSerializerContext
{
}
