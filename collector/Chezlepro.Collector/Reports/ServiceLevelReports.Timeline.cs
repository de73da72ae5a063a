using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Storage;

namespace Chezlepro.Collector.Reports;

/// <summary>The explanation of a service's monthly figure (<c>GET /api/v1/availability/{service}/timeline</c>).</summary>
public sealed partial class ServiceLevelReports
{
    /// <summary>
    /// The segments behind a service's figure for a month, computed now from the stored intervals (a closed month's
    /// frozen report does not move, so late data arriving after the close shows here and not there); null when the
    /// catalog has no such service.
    /// </summary>
    public async Task<ServiceMonthTimeline?> TimelineAsync(string serviceId, MonthPeriod month, CancellationToken ct)
    {
        // One read of the catalog: a reload between the lookup and the computation must not mix two versions.
        var catalog = Catalog;
        if (catalog.FindService(serviceId) is not { } service) return null;
        var histories = await HistoriesAsync(month.Start(LocalTime.Toronto), month.End(LocalTime.Toronto), ct);
        var windows = await _store.GetMaintenanceWindowsAsync(ct);
        var timeline = TimelineExplanation.Explain(catalog, service, histories, windows, month, _time.GetUtcNow());
        // Both stores keep the delivery state; a store without it (a test double) explains nothing more.
        if (_store is not IDeliveryStore delivery) return timeline;
        return EvictedCauses.Annotate(timeline, await delivery.GetEvictedSpansAsync(timeline.From, timeline.To, ct));
    }
}
