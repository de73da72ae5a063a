using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Incidents.Notices;
using Chezlepro.Collector.Rpo;
using Chezlepro.Collector.Sla;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Formats;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Reports;

/// <summary>
/// Feeds the engines from the store. Reports are computed on demand from the stored state intervals, so
/// late (replayed) data is in the next report without any recomputation step; a closed month is read back
/// frozen instead.
/// </summary>
public sealed partial class ServiceLevelReports
{
    private readonly ICollectorStore _store;
    private readonly IOptionsMonitor<CatalogOptions> _catalog;
    private readonly IOptionsMonitor<IncidentPolicy> _policy;
    private readonly TimeProvider _time;
    private readonly INoticeStore? _notices;

    /// <summary>Creates the report service.</summary>
    /// <param name="store">The collector store.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="policy">Incident targets.</param>
    /// <param name="time">Clock.</param>
    /// <param name="notices">Notices to clients; without them incidents carry no notice dates beyond the tracker's.</param>
    public ServiceLevelReports(ICollectorStore store, IOptionsMonitor<CatalogOptions> catalog, IOptionsMonitor<IncidentPolicy> policy, TimeProvider time,
        INoticeStore? notices = null)
    {
        _store = store;
        _catalog = catalog;
        _policy = policy;
        _time = time;
        _notices = notices;
    }

    /// <summary>The catalog in force.</summary>
    public CatalogOptions Catalog => _catalog.CurrentValue;

    /// <summary>
    /// Per-service availability over [from, to). A period longer than <see cref="RolledUpReads.LongPeriod"/> is read
    /// through the day roll-up: the same figures, without the list of down/unknown spans.
    /// </summary>
    public async Task<IReadOnlyList<ServiceAvailability>> AvailabilityAsync(DateTimeOffset from, DateTimeOffset to, string? service, CancellationToken ct)
    {
        var windows = await _store.GetMaintenanceWindowsAsync(ct);
        if (to - from > RolledUpReads.LongPeriod && _store is ICheckDayStore days)
            return await RolledUpReads.AvailabilityAsync(days, Catalog, windows, from, to, _time.GetUtcNow(), service, ct);
        var histories = await HistoriesAsync(from, to, ct);
        return AvailabilityCalculator.ComputeAll(Catalog, histories, windows, from, to, _time.GetUtcNow(), service);
    }

    /// <summary>The month's report: frozen when closed, computed now otherwise.</summary>
    public async Task<SlaReport> SlaAsync(MonthPeriod month, CancellationToken ct)
    {
        if (await _store.GetClosedReportAsync(month.ToString(), ct) is { } frozen)
            return StoredFormat.ReadReport(frozen).ToReport();
        return await ComputeSlaAsync(month, ct);
    }

    /// <summary>Freezes a finished month; false when already closed, null when the month has not ended yet.</summary>
    public async Task<bool?> CloseAsync(MonthPeriod month, string by, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (month.End(LocalTime.Toronto) > now) return null;
        var report = await ComputeSlaAsync(month, ct);
        return await _store.CloseMonthAsync(month.ToString(), StoredFormat.WriteReport(report.ToStored()), by, now, ct);
    }

    /// <summary>Incidents derived over the last <paramref name="lookback"/>.</summary>
    public async Task<IReadOnlyList<Incident>> IncidentsAsync(TimeSpan lookback, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var from = now - lookback;
        var histories = await HistoriesAsync(from, now, ct);
        var tracker = new IncidentTracker(_policy.CurrentValue, BusinessCalendar.Toronto(Catalog.Holidays));
        var acks = await _store.GetAcknowledgementsAsync(ct);
        var derived = tracker.DeriveAll(Catalog, histories, await _store.GetMaintenanceWindowsAsync(ct), from, now, acks);
        // Late results may move an incident's start: it keeps the id (and so the acknowledgement and notices) it had.
        var (incidents, changed) = IncidentIdentities.Assign(derived, await _store.GetIncidentSpansAsync(ct), acks, now, from);
        await _store.SaveIncidentSpansAsync(changed, ct);
        if (_notices is null) return incidents;
        var notices = (await _notices.ListAsync(null, ct)).ToLookup(n => n.IncidentId, StringComparer.Ordinal);
        var calendar = BusinessCalendar.Toronto(Catalog.Holidays);
        return [.. incidents.Select(i => NoticeSchedule.Apply(i, notices[i.Id], _policy.CurrentValue, calendar, now))];
    }

    /// <summary>RPO of every guest of the catalog, with this month's breaches.</summary>
    public Task<IReadOnlyList<GuestRpo>> RpoAsync(CancellationToken ct) =>
        RpoAsync(MonthPeriod.Containing(_time.GetUtcNow(), LocalTime.Toronto), ct);

    private async Task<SlaReport> ComputeSlaAsync(MonthPeriod month, CancellationToken ct)
    {
        var from = month.Start(LocalTime.Toronto);
        var to = month.End(LocalTime.Toronto);
        var histories = await HistoriesAsync(from, to, ct);
        return SlaReportBuilder.Build(month, Catalog, histories, await _store.GetMaintenanceWindowsAsync(ct), _time.GetUtcNow());
    }

    internal async Task<CheckHistoryIndex> HistoriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var rows = await _store.GetCheckIntervalsAsync(from, to, ct);
        return new CheckHistoryIndex(rows.Select(r => new CheckStateInterval(new CheckKey(r.Site, r.Node, r.Check), r.Status, r.From, r.LastSeen, r.To)));
    }

    /// <summary>Statuses an incident can be filtered by.</summary>
    public static bool Matches(Incident incident, string? status) =>
        status is null or "" or "all" || string.Equals(incident.Status, status, StringComparison.Ordinal)
        || (status == "active" && incident.RestoredAt is null);

}
