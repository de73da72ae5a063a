using System.Text.Json.Serialization;
using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Noc;
using Chezlepro.Contracts.Json;

namespace Chezlepro.Collector.Apis;

/// <summary>Source-generated JSON of the failover and alerts APIs (the audit log stores its own format, Storage/Formats).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(UtcTimestampConverter)],
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<FailoverGroupView>))]
[JsonSerializable(typeof(FailoverRecord))]
[JsonSerializable(typeof(IReadOnlyList<NocAlertView>))]
public sealed partial class FailoverJsonContext : JsonSerializerContext
{
}
