using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Sla;

namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>
/// Gathers one contract's month from the report service: the SLA report's line (frozen when closed) and its
/// fingerprint, the services' timelines for the periods and their causes, the incidents with their targets, MTTA and
/// MTTR, and the RPO of the contract's guests.
/// </summary>
public sealed class ClientReportBuilder
{
    // Incidents detected early in the month may have started (gone down) before it; a look-back that reaches a little
    // before the month keeps their real start.
    private static readonly TimeSpan IncidentMargin = TimeSpan.FromDays(2);

    private readonly ServiceLevelReports _reports;
    private readonly TimeProvider _time;

    /// <summary>Creates the builder.</summary>
    public ClientReportBuilder(ServiceLevelReports reports, TimeProvider time)
    {
        _reports = reports;
        _time = time;
    }

    /// <summary>The document of <paramref name="contractId"/> for <paramref name="month"/>, or null when the contract is not in that month's report.</summary>
    public async Task<ClientReportDocument?> BuildAsync(MonthPeriod month, string contractId, CancellationToken ct)
    {
        var closed = await _reports.IsClosedAsync(month, ct);
        var sla = await _reports.SlaAsync(month, ct);
        if (sla.Contracts.FirstOrDefault(c => string.Equals(c.ContractId, contractId, StringComparison.Ordinal)) is not { } contract) return null;
        var catalog = _reports.Catalog;
        var definition = catalog.Contracts.FirstOrDefault(c => string.Equals(c.Id, contractId, StringComparison.Ordinal));
        var names = contract.Services.ToDictionary(s => s.ServiceId, s => s.Name, StringComparer.Ordinal);

        var periods = new List<ReportPeriod>();
        foreach (var line in contract.Services)
        {
            if (await _reports.TimelineAsync(line.ServiceId, month, ct) is not { } timeline) continue;
            periods.AddRange(ClipToContract(timeline, line, contract));
        }

        var incidents = await IncidentsAsync(month, names, ct);
        var guests = (await _reports.RpoAsync(month, ct)).Where(g => names.ContainsKey(g.ServiceId)).ToList();
        return new ClientReportDocument
        {
            Month = month,
            Sla = contract,
            ComputedAt = sla.ComputedAt,
            Complete = sla.Complete,
            Closed = closed,
            Fingerprint = SlaReportFingerprint.Compute(sla),
            Rule = definition is null ? null : new CreditRule(definition.TrancheSize, definition.CreditPerTranche, definition.CreditCap),
            Periods = [.. periods.OrderBy(p => p.From).ThenBy(p => p.ServiceId, StringComparer.Ordinal)],
            PeriodsMatchFigures = MatchFigures(periods, contract),
            Incidents = incidents,
            IncidentFigures = IncidentStatistics.ForMonth(incidents.Select(i => i.Incident), month),
            Guests = guests,
        };
    }

    private async Task<List<ReportIncident>> IncidentsAsync(MonthPeriod month, Dictionary<string, string> names, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var start = month.Start(LocalTime.Toronto);
        var end = month.End(LocalTime.Toronto);
        if (start >= now) return [];
        var policy = _reports.IncidentPolicy;
        var all = await _reports.IncidentsAsync(now - start + IncidentMargin, ct);
        return [.. all.Where(i => i.DetectedAt >= start && i.DetectedAt < end && names.ContainsKey(i.ServiceId))
            .OrderBy(i => i.DetectedAt)
            .Select(i => new ReportIncident(i, names[i.ServiceId], policy.For(i.Priority)))];
    }

    // The timeline covers the whole month for every contract of the service; this contract's part is [From, To).
    private static IEnumerable<ReportPeriod> ClipToContract(ServiceMonthTimeline timeline, ServiceSlaLine line, ContractSlaReport contract)
    {
        foreach (var s in timeline.Segments)
        {
            if (s.Kind is not (TimelineKind.Down or TimelineKind.Unknown or TimelineKind.Excluded)) continue;
            var from = s.From > contract.From ? s.From : contract.From;
            var to = s.To < contract.To ? s.To : contract.To;
            if (to > from) yield return new ReportPeriod(line.ServiceId, line.Name, s.Kind, from, to, s.Causes);
        }
    }

    private static bool MatchFigures(List<ReportPeriod> periods, ContractSlaReport contract)
    {
        // The SLA report carries seconds as doubles; a millisecond of tolerance absorbs their rounding, not a change.
        static bool Same(decimal a, double b) => Math.Abs((double)a - b) < 0.001;
        return Same(periods.Where(p => p.Kind == TimelineKind.Down).Sum(p => p.Seconds), contract.DownSeconds)
            && Same(periods.Where(p => p.Kind == TimelineKind.Unknown).Sum(p => p.Seconds), contract.UnknownSeconds)
            && Same(periods.Where(p => p.Kind == TimelineKind.Excluded).Sum(p => p.Seconds), contract.ExcludedSeconds);
    }
}
