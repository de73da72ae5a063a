using System.Globalization;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// <c>notice-late:&lt;incident&gt;</c>, at the incident's priority: raised while a notice owed to the client (first,
/// update, resolution, post-mortem, breach; Incidents/Notices/README.md) is past due, cleared once it is recorded.
/// Pure; the text names the late types and the earliest due time, never a running age, so an unchanged situation is
/// not republished.
/// </summary>
public static class NoticeLateAlertRules
{
    /// <summary>The alert of every incident that owes or owed a notice.</summary>
    public static IReadOnlyList<NocAlert> Derive(IEnumerable<Incident> incidents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var alerts = new List<NocAlert>();
        foreach (var i in incidents)
        {
            if (i.NoticeDueAt is null && !i.NoticeLate && i.NoticesSent == 0) continue;
            var types = string.Join(", ", i.LateNotices);
            var due = i.NoticeDueAt is { } d ? Local(d) : "";
            alerts.Add(new NocAlert
            {
                Id = $"notice-late:{i.Id}",
                State = i.NoticeLate ? AlertState.Raised : AlertState.Cleared,
                Priority = i.Priority,
                Summary = i.NoticeLate ? $"Incident {i.Id} ({i.ServiceId}, {i.Priority}) : avis au client en retard ({types}), dû le {due}"
                    : $"Incident {i.Id} : plus d’avis au client en retard",
                SummaryEn = i.NoticeLate ? $"Incident {i.Id} ({i.ServiceId}, {i.Priority}): client notice late ({types}), due {due}"
                    : $"Incident {i.Id}: no client notice late any more",
                Ts = now,
            });
        }
        return alerts;
    }

    private static string Local(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, LocalTime.Toronto).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Toronto)";
}
