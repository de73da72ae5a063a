using System.Text.Json.Serialization;
using Chezlepro.Contracts.Json;

namespace Chezlepro.Collector.Storage.Formats;

/// <summary>
/// Source-generated JSON of what the stores keep as documents (audit evidence, frozen reports). Apart from the API's
/// contexts on purpose: a change to how the API writes JSON must not change how stored documents are read.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(UtcTimestampConverter)],
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredFailoverEvidenceV1))]
[JsonSerializable(typeof(StoredSlaReportV1))]
internal sealed partial class StoredFormatJsonContext : JsonSerializerContext
{
}
