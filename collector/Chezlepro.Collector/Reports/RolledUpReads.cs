using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Availability.Rollup;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Rollup;

namespace Chezlepro.Collector.Reports;

/// <summary>
/// Availability over a long period from the day roll-up (Storage/README.md, "Roll-up"): the day rows of the period,
/// then the raw intervals of the stretches they cannot decide, in two reads whatever the number of services.
/// </summary>
public static class RolledUpReads
{
    /// <summary>Periods longer than this are read through the roll-up; shorter ones keep their down/unknown spans.</summary>
    public static readonly TimeSpan LongPeriod = TimeSpan.FromDays(32);

    /// <summary>
    /// Every service of the catalog (or <paramref name="serviceId"/>) over [from, min(to, now)), the same figures as
    /// <see cref="AvailabilityCalculator.ComputeAll"/> on the raw intervals, without the spans.
    /// </summary>
    public static async Task<IReadOnlyList<ServiceAvailability>> AvailabilityAsync(ICheckDayStore store, CatalogOptions catalog,
        IReadOnlyList<MaintenanceWindow> windows, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? serviceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        var services = catalog.Services.Where(s => serviceId is null || string.Equals(s.Id, serviceId, StringComparison.Ordinal)).ToList();
        var days = await store.GetCheckDaysAsync(from, to, now, ct);
        var ranges = new List<CheckRange>();
        foreach (var s in services)
        {
            foreach (var (a, b) in RolledUpAvailability.RawRanges(s, days, windows, from, to, now))
                ranges.AddRange(s.Checks.Select(c => new CheckRange(c.ToKey(), a, b)));
        }

        var rows = ranges.Count == 0 ? [] : await store.GetCheckIntervalsAsync(ranges, ct);
        var raw = new CheckHistoryIndex(rows.Select(r => new CheckStateInterval(new CheckKey(r.Site, r.Node, r.Check), r.Status, r.From, r.LastSeen, r.To)));
        return [.. services.Select(s => RolledUpAvailability.Compute(s, days, raw, windows, from, to, now))];
    }
}
