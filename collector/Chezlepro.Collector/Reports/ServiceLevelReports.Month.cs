using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Rpo;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Reports;

/// <summary>What the monthly client report needs beyond the API's own calls: a past month's RPO, the close state.</summary>
public sealed partial class ServiceLevelReports
{
    /// <summary>The incident targets in force.</summary>
    public IncidentPolicy IncidentPolicy => _policy.CurrentValue;

    /// <summary>Whether the month is closed (its report frozen).</summary>
    public async Task<bool> IsClosedAsync(MonthPeriod month, CancellationToken ct) =>
        await _store.GetClosedReportAsync(month.ToString(), ct) is not null;

    /// <summary>
    /// RPO of every guest over <paramref name="month"/>: breaches within it, status at its end (or now, when it has
    /// not ended).
    /// </summary>
    public async Task<IReadOnlyList<GuestRpo>> RpoAsync(MonthPeriod month, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var end = month.End(LocalTime.Toronto);
        // Backups older than the month still decide whether its first hours were covered. Every distinct backup
        // the checks reported counts (backup_points); the state intervals add the status the check had.
        var since = month.Start(LocalTime.Toronto) - TimeSpan.FromDays(2);
        var points = await _store.GetBackupPointsAsync(since, ct);
        var observations = points.Select(p => new BackupObservation(new CheckKey(p.Site, p.Node, p.Check), p.ObservedAt, HealthStatus.Ok, p.LastBackupAt));
        return RpoEvaluator.Evaluate(Catalog, observations, month, end < now ? end : now);
    }
}
