using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;

namespace Chezlepro.Collector.Rpo;

/// <summary>
/// RPO per guest (recovery-objectives annex): met while the last good backup is younger than the guest's target — its
/// own <see cref="GuestDefinition.Rpo"/> when set, else its service category's RPO (critical 1 h, important 4 h,
/// non-critical 8 h). The check's <c>lastBackupAt</c> is already the last GOOD snapshot
/// (contract.md), so it is trusted whatever the check's status (the agent's freshness verdict uses its own threshold).
/// A backup counts from the instant it was taken; values after the observation (+5 min clock skew) are ignored.
/// </summary>
public static class RpoEvaluator
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>The RPO of a category.</summary>
    public static TimeSpan TargetFor(ServiceCategory category) => category switch
    {
        ServiceCategory.Critical => TimeSpan.FromHours(1),
        ServiceCategory.Important => TimeSpan.FromHours(4),
        _ => TimeSpan.FromHours(8),
    };

    /// <summary>A guest's RPO target: its own when configured, else its service category's.</summary>
    public static TimeSpan TargetFor(GuestDefinition guest, ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(service);
        return guest.Rpo ?? TargetFor(service.ParsedCategory);
    }

    /// <summary>Every guest of the catalog: status at <paramref name="now"/> and breaches within <paramref name="month"/>.</summary>
    /// <param name="catalog">Guests and services.</param>
    /// <param name="observations">Results of the <c>pbs.backup.*</c> checks (any node), including one from before the month.</param>
    /// <param name="month">The month whose breach intervals are wanted.</param>
    /// <param name="now">The present.</param>
    public static IReadOnlyList<GuestRpo> Evaluate(CatalogOptions catalog, IEnumerable<BackupObservation> observations, MonthPeriod month, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(observations);
        var byCheck = observations.Where(o => o.LastBackupAt is { } b && b <= o.ObservedAt + Skew && b <= now)
            .GroupBy(o => o.Check.Check, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.LastBackupAt!.Value).Distinct().Order().ToList(), StringComparer.Ordinal);
        var from = month.Start(LocalTime.Toronto);
        var to = month.End(LocalTime.Toronto);
        if (to > now) to = now;
        var result = new List<GuestRpo>();
        foreach (var guest in catalog.Guests)
        {
            var service = catalog.FindService(guest.Service) ?? throw new InvalidOperationException($"Guest '{guest.Id}' names unknown service '{guest.Service}'; validate the catalog first.");
            var target = TargetFor(guest, service);
            var points = byCheck.TryGetValue(guest.BackupCheck, out var p) ? p : [];
            DateTimeOffset? last = points.Count > 0 ? points[^1] : null;
            result.Add(new GuestRpo
            {
                GuestId = guest.Id,
                ServiceId = service.Id,
                Category = service.Category,
                Target = target,
                LastGoodBackupAt = last,
                Age = now - last,
                Status = last is null ? RpoStatus.NoData : now - last.Value < target ? RpoStatus.Met : RpoStatus.Breached,
                Breaches = Breaches(points, target, from, to),
            });
        }

        return result;
    }

    /// <summary>Spans of [from, to) not covered by a backup younger than <paramref name="target"/>.</summary>
    public static IReadOnlyList<RpoBreach> Breaches(IReadOnlyList<DateTimeOffset> sortedBackups, TimeSpan target, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(sortedBackups);
        var breaches = new List<RpoBreach>();
        if (to <= from) return breaches;
        if (sortedBackups.Count == 0 || sortedBackups[0] > from) Add(breaches, from, sortedBackups.Count == 0 ? to : sortedBackups[0], to, from, true);
        for (var i = 0; i < sortedBackups.Count; i++)
        {
            var next = i + 1 < sortedBackups.Count ? sortedBackups[i + 1] : DateTimeOffset.MaxValue;
            Add(breaches, sortedBackups[i] + target, next, to, from, false);
        }

        return breaches;
    }

    private static void Add(List<RpoBreach> list, DateTimeOffset s, DateTimeOffset e, DateTimeOffset to, DateTimeOffset from, bool noEvidence)
    {
        if (s < from) s = from;
        if (e > to) e = to;
        if (e > s) list.Add(new RpoBreach(s, e, noEvidence));
    }
}
