using Chezlepro.Collector.Calendar;

namespace Chezlepro.Collector.Incidents.Notices;

/// <summary>
/// When the next notice to the client is due, from the incident, its priority's targets and the notices recorded
/// (the rules are in this folder's README.md). Pure: the same incident, notices and time always give the same dates.
/// </summary>
public static class NoticeSchedule
{
    /// <summary>The breach notice is due this long after the breach was declared (issue 20, contract annex).</summary>
    public static readonly TimeSpan BreachNoticeWithin = TimeSpan.FromHours(72);

    /// <summary>Business days, America/Toronto calendar, for the post-incident report of a P1/P2 after restoration.</summary>
    public const int PostmortemBusinessDays = 5;

    /// <summary>
    /// The notice after one sent at <paramref name="from"/>: <paramref name="every"/> later, except that a whole number of
    /// days is counted in calendar days of <paramref name="zone"/> (the same wall-clock time), so "daily" stays daily
    /// across a DST change (23 h or 25 h then).
    /// </summary>
    public static DateTimeOffset Next(DateTimeOffset from, TimeSpan every, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (every <= TimeSpan.Zero || every.Ticks % TimeSpan.TicksPerDay != 0) return from + every;
        var local = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        return LocalTime.ToInstant(local.AddDays(every.Days), zone);
    }

    /// <summary>The incident with its notice dates (<see cref="Incident.NoticeDueAt"/> and the others) set from its notices.</summary>
    public static Incident Apply(Incident incident, IEnumerable<IncidentNotice> notices, IncidentPolicy policy, BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        var mine = (notices ?? []).Where(n => n.IncidentId == incident.Id).OrderBy(n => n.SentAt).ThenBy(n => n.Id).ToList();
        var targets = policy.For(incident.Priority);
        var pending = new List<(string Type, DateTimeOffset Due)>();
        var nextUpdate = incident.NextUpdateDueAt;
        DateTimeOffset? postmortem = null, breach = null;
        // A priority with neither a first notice nor updates (P3) owes the client nothing but a breach notice.
        if (targets.ClientNotice is not null || targets.UpdateEvery is not null)
        {
            var every = targets.UpdateEvery ?? TimeSpan.Zero;
            if (incident.RestoredAt is not { } restored)
            {
                var last = mine.LastOrDefault(n => n.Type is NoticeTypes.First or NoticeTypes.Update);
                var due = last is not null ? Next(last.SentAt, every, calendar.Zone)
                    : targets.ClientNotice is { } first ? incident.DetectedAt + first
                    : Next(incident.DetectedAt, every, calendar.Zone);
                pending.Add((last is null ? NoticeTypes.First : NoticeTypes.Update, due));
                nextUpdate = last is null && targets.ClientNotice is not null ? null : due;
            }
            else
            {
                nextUpdate = null;
                // "Promptly": within one update interval of the restoration (P1: 1 h; P2: the same time the next day).
                if (!mine.Any(n => n.Type == NoticeTypes.Resolution)) pending.Add((NoticeTypes.Resolution, Next(restored, every, calendar.Zone)));
                postmortem = calendar.AddBusinessDays(restored, PostmortemBusinessDays);
                if (!mine.Any(n => n.Type == NoticeTypes.Postmortem)) pending.Add((NoticeTypes.Postmortem, postmortem.Value));
            }
        }

        if (mine.FirstOrDefault(n => n.Type == NoticeTypes.BreachDeclared) is { } declared)
        {
            breach = declared.SentAt + BreachNoticeWithin;
            if (!mine.Any(n => n.Type == NoticeTypes.Breach)) pending.Add((NoticeTypes.Breach, breach.Value));
        }

        var next = pending.Count == 0 ? ((string Type, DateTimeOffset Due)?)null : pending.MinBy(p => p.Due);
        return incident with
        {
            NextUpdateDueAt = nextUpdate,
            NoticeDueAt = next?.Due,
            NoticeDueType = next?.Type,
            NoticeLate = pending.Any(p => now > p.Due),
            LateNotices = [.. pending.Where(p => now > p.Due).Select(p => p.Type)],
            PostmortemDueAt = postmortem,
            BreachNoticeDueAt = breach,
            NoticesSent = mine.Count(n => n.Type != NoticeTypes.BreachDeclared),
        };
    }
}
