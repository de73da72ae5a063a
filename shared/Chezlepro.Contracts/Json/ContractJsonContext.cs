using System.Text.Json.Serialization;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Contracts.Json;

/// <summary>Source-generated serialisation of every contract payload (camelCase, UTC millisecond timestamps).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(UtcTimestampConverter)],
    MaxDepth = 16)]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(TelemetryBatch))]
[JsonSerializable(typeof(HealthResult))]
[JsonSerializable(typeof(AlertEvent))]
[JsonSerializable(typeof(FailoverDecision))]
[JsonSerializable(typeof(NocAlert))]
[JsonSerializable(typeof(DeliveryAck))]
[JsonSerializable(typeof(GapsNotice))]
public sealed partial class ContractJsonContext : JsonSerializerContext
{
}
