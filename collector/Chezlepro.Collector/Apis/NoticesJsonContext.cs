using System.Text.Json.Serialization;
using Chezlepro.Collector.DrTests;
using Chezlepro.Collector.Incidents.Notices;
using Chezlepro.Contracts.Json;

namespace Chezlepro.Collector.Apis;

/// <summary>Source-generated JSON of the notices and DR-test APIs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(IncidentNotice))]
[JsonSerializable(typeof(IReadOnlyList<IncidentNotice>))]
[JsonSerializable(typeof(NoticeRequestDto))]
[JsonSerializable(typeof(DrTest))]
[JsonSerializable(typeof(DrTestsDto))]
[JsonSerializable(typeof(DrTestRequestDto))]
public sealed partial class NoticesJsonContext : JsonSerializerContext
{
}
