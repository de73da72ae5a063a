using Chezlepro.Collector.Availability;

namespace Chezlepro.Collector.Apis;

/// <summary>One service's availability over the asked period, with the intervals that cost it.</summary>
public sealed record AvailabilityDto(string Service, DateTimeOffset From, DateTimeOffset To, decimal? Availability,
    double UpSeconds, double DownSeconds, double UnknownSeconds, double ExcludedSeconds, IReadOnlyList<AvailabilityInterval> Intervals);

/// <summary>Body of <c>POST /api/v1/maintenance</c>: a new window, or <c>EndNow</c> for an existing one.</summary>
public sealed record MaintenanceRequestDto(string? Id, DateTimeOffset? Start, DateTimeOffset? End, IReadOnlyList<string>? Services, string? Reason, bool EndNow = false);
