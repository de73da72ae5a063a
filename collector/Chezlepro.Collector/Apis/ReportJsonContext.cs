using System.Text.Json.Serialization;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Rpo;
using Chezlepro.Collector.Sla;
using Chezlepro.Contracts.Json;

namespace Chezlepro.Collector.Apis;

/// <summary>Source-generated JSON of the service-level API (frozen reports are stored in their own format, Storage/Formats).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(UtcTimestampConverter)],
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SlaReport))]
[JsonSerializable(typeof(IReadOnlyList<AvailabilityDto>))]
[JsonSerializable(typeof(ServiceMonthTimeline))]
[JsonSerializable(typeof(IReadOnlyList<Incident>))]
[JsonSerializable(typeof(IReadOnlyList<GuestRpo>))]
[JsonSerializable(typeof(IReadOnlyList<MaintenanceWindow>))]
[JsonSerializable(typeof(MaintenanceWindow))]
[JsonSerializable(typeof(MaintenanceRequestDto))]
public sealed partial class ReportJsonContext : JsonSerializerContext
{
}
