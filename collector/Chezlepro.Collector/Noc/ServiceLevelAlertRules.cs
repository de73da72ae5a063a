using System.Globalization;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Rpo;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// Collector-derived NOC alerts from the NOC and recovery-objectives annexes (service-levels.md), pure: what each
/// alert id should say now, raised or cleared. Every id is offered every round; <see cref="NocAlertBook"/> turns
/// that into one raise and one clear. Texts carry only values that are fixed for the situation (due times, the
/// last backup), never a running age, so an unchanged situation is never republished. The ids and the windows
/// are documented in Noc/README.md.
/// </summary>
public static class ServiceLevelAlertRules
{
    /// <summary>Share of the acknowledgement target after which an unacknowledged incident is announced (80 %).</summary>
    public const double AcknowledgeWarningShare = 0.8;

    /// <summary>Every alert the incidents and RPO states call for now, raised or cleared.</summary>
    /// <param name="incidents">Incidents derived now (open and recent).</param>
    /// <param name="rpo">RPO of every guest now.</param>
    /// <param name="policy">Incident targets.</param>
    /// <param name="calendar">Business hours (the 80 % point of a business-hours target counts business time).</param>
    /// <param name="now">Now.</param>
    public static IReadOnlyList<NocAlert> Derive(IEnumerable<Incident> incidents, IEnumerable<GuestRpo> rpo, IncidentPolicy policy, BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(rpo);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        var alerts = new List<NocAlert>();
        foreach (var i in incidents)
        {
            var targets = policy.For(i.Priority);
            var open = i.RestoredAt is null;
            var waitingAck = open && i.AcknowledgedAt is null;
            var warnFrom = WarningPoint(i, targets, calendar);

            alerts.Add(Incident($"incident-ack-due:{i.Id}", i.Priority, waitingAck && now >= warnFrom && now < i.AcknowledgeDueAt, now,
                $"Incident {i.Id} ({i.ServiceId}, {i.Priority}) : accusé de réception dû avant {Local(i.AcknowledgeDueAt)}",
                $"Incident {i.Id} ({i.ServiceId}, {i.Priority}): acknowledgement due by {Local(i.AcknowledgeDueAt)}",
                $"Incident {i.Id} : accusé de réception plus en attente",
                $"Incident {i.Id}: acknowledgement no longer pending"));

            alerts.Add(Incident($"incident-ack-overdue:{i.Id}", i.Priority, waitingAck && now >= i.AcknowledgeDueAt, now,
                $"Incident {i.Id} ({i.ServiceId}, {i.Priority}) : accusé de réception en retard, cible dépassée à {Local(i.AcknowledgeDueAt)}",
                $"Incident {i.Id} ({i.ServiceId}, {i.Priority}): acknowledgement overdue, target breached at {Local(i.AcknowledgeDueAt)}",
                $"Incident {i.Id} : accusé de réception en retard résolu",
                $"Incident {i.Id}: overdue acknowledgement resolved"));

            if (i.ClientNoticeDueAt is { } notice)
            {
                alerts.Add(Incident($"client-notice-due:{i.Id}", Priority.P1, open && i.NoticesSent == 0 && now >= i.DetectedAt && now < notice, now,
                    $"Incident {i.Id} ({i.ServiceId}) : avis au client dû avant {Local(notice)}",
                    $"Incident {i.Id} ({i.ServiceId}): client notice due by {Local(notice)}",
                    $"Incident {i.Id} : délai de l’avis au client écoulé ou incident rétabli",
                    $"Incident {i.Id}: client notice window over or incident restored"));
            }

            if (targets.UpdateEvery is { } every && every > TimeSpan.Zero)
            {
                // The reminder for each update opens at 80 % of the interval, like the acknowledgement rule.
                var due = i.NextUpdateDueAt;
                var raised = open && due is { } d && now >= d - every * (1 - AcknowledgeWarningShare);
                alerts.Add(Incident($"incident-update-due:{i.Id}", i.Priority, raised, now,
                    $"Incident {i.Id} ({i.ServiceId}, {i.Priority}) toujours ouvert : mise à jour au client due avant {Local(due ?? now)}",
                    $"Incident {i.Id} ({i.ServiceId}, {i.Priority}) still open: client update due by {Local(due ?? now)}",
                    $"Incident {i.Id} : pas de mise à jour due pour l’instant",
                    $"Incident {i.Id}: no update due right now"));
            }
        }

        foreach (var g in rpo)
        {
            var breached = g.Status != RpoStatus.Met;
            var last = g.LastGoodBackupAt is { } b ? Local(b) : null;
            var hours = g.Target.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
            alerts.Add(new NocAlert
            {
                Id = $"rpo:{g.GuestId}",
                State = breached ? AlertState.Raised : AlertState.Cleared,
                Priority = g.Category == "critical" ? Priority.P2 : Priority.P3,
                Summary = !breached ? $"RPO de nouveau respecté pour {g.GuestId} ({g.ServiceId})"
                    : last is null ? $"RPO non respecté pour {g.GuestId} ({g.ServiceId}) : aucune sauvegarde valide connue (cible {hours} h)"
                    : $"RPO non respecté pour {g.GuestId} ({g.ServiceId}) : dernière sauvegarde valide {last}, cible {hours} h",
                SummaryEn = !breached ? $"RPO met again for {g.GuestId} ({g.ServiceId})"
                    : last is null ? $"RPO breached for {g.GuestId} ({g.ServiceId}): no good backup known (target {hours} h)"
                    : $"RPO breached for {g.GuestId} ({g.ServiceId}): last good backup {last}, target {hours} h",
                Ts = now,
            });
        }
        return alerts;
    }

    /// <summary>When the acknowledgement warning opens: 80 % of the target after detection, in the target's own time (24/7 or business).</summary>
    public static DateTimeOffset WarningPoint(Incident incident, PriorityTargets targets, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(calendar);
        var share = targets.Acknowledge * AcknowledgeWarningShare;
        return targets.BusinessHours ? calendar.AddBusinessTime(incident.DetectedAt, share) : incident.DetectedAt + share;
    }

    private static NocAlert Incident(string id, Priority priority, bool raised, DateTimeOffset now, string fr, string en, string clearedFr, string clearedEn) => new()
    {
        Id = id,
        State = raised ? AlertState.Raised : AlertState.Cleared,
        Priority = priority,
        Summary = raised ? fr : clearedFr,
        SummaryEn = raised ? en : clearedEn,
        Ts = now,
    };

    private static string Local(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, LocalTime.Toronto).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Toronto)";
}
