using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Maintenance;

namespace Chezlepro.Collector.Availability;

/// <summary>
/// Availability of one service over a period (service-levels.md): time weighed in seconds, state carried in,
/// staleness as unknown, maintenance excluded from both sides, nothing counted after <c>now</c>.
/// </summary>
public static class AvailabilityCalculator
{
    /// <summary>Computes a service's availability over [from, min(to, now)).</summary>
    /// <param name="service">The service and its defining checks.</param>
    /// <param name="histories">State intervals of (at least) its checks, reaching back before <paramref name="from"/>.</param>
    /// <param name="windows">Maintenance windows (any services; those covering this one apply).</param>
    /// <param name="from">Start of the period.</param>
    /// <param name="to">Exclusive end of the period.</param>
    /// <param name="now">The present: later time is not yet measured.</param>
    /// <param name="unknownCountsAsDown">Contract policy for unknown time (default: counts as down).</param>
    public static ServiceAvailability Compute(
        ServiceDefinition service,
        CheckHistoryIndex histories,
        IEnumerable<MaintenanceWindow> windows,
        DateTimeOffset from,
        DateTimeOffset to,
        DateTimeOffset now,
        bool unknownCountsAsDown = true)
    {
        ArgumentNullException.ThrowIfNull(service);
        var end = to < now ? to : now;
        if (end < from) end = from;
        var keys = service.Checks.Select(c => c.ToKey()).ToArray();
        var timeline = ServiceTimeline.Build(keys, histories, service.EffectiveStalenessLimit, from, end);
        var segments = Exclusions.Apply(timeline.Segments, Exclusions.For(service.Id, windows));
        return Summarize(service.Id, from, end, unknownCountsAsDown, segments, timeline);
    }

    /// <summary>
    /// Every service of the catalog over [from, min(to, now)) — the body of <c>GET /api/v1/availability</c>; pass
    /// <paramref name="serviceId"/> to compute one. Unknown counts as down (the default policy) outside a contract.
    /// </summary>
    public static IReadOnlyList<ServiceAvailability> ComputeAll(
        CatalogOptions catalog,
        CheckHistoryIndex histories,
        IEnumerable<MaintenanceWindow> windows,
        DateTimeOffset from,
        DateTimeOffset to,
        DateTimeOffset now,
        string? serviceId = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var list = windows?.ToList() ?? [];
        return [.. catalog.Services
            .Where(s => serviceId is null || string.Equals(s.Id, serviceId, StringComparison.Ordinal))
            .Select(s => Compute(s, histories, list, from, to, now))];
    }

    internal static ServiceAvailability Summarize(string serviceId, DateTimeOffset from, DateTimeOffset to, bool unknownCountsAsDown, List<StateSegment> segments, ServiceTimeline timeline)
    {
        long up = 0, down = 0, unknown = 0, excluded = 0;
        var intervals = new List<AvailabilityInterval>();
        foreach (var s in segments)
        {
            var ticks = (s.To - s.From).Ticks;
            switch (s.State)
            {
                case ServiceState.Up: up += ticks; break;
                case ServiceState.Down: down += ticks; break;
                case ServiceState.Unknown: unknown += ticks; break;
                default: excluded += ticks; break;
            }

            if (s.State is ServiceState.Down or ServiceState.Unknown)
                intervals.Add(new AvailabilityInterval(s.From, s.To, s.State, timeline.CausesOf(s.From, s.To, s.State)));
        }

        return new ServiceAvailability
        {
            ServiceId = serviceId,
            From = from,
            To = to,
            UnknownCountsAsDown = unknownCountsAsDown,
            Up = TimeSpan.FromTicks(up),
            Down = TimeSpan.FromTicks(down),
            Unknown = TimeSpan.FromTicks(unknown),
            Excluded = TimeSpan.FromTicks(excluded),
            Intervals = intervals,
            Segments = segments,
        };
    }
}
