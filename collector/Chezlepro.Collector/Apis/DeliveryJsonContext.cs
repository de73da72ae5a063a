using System.Text.Json.Serialization;
using Chezlepro.Contracts.Json;

namespace Chezlepro.Collector.Apis;

/// <summary>Source-generated JSON of the delivery endpoint (an absent eviction reason is left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(DeliveryDto))]
public sealed partial class DeliveryJsonContext : JsonSerializerContext
{
}
