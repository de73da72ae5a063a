using Chezlepro.Contracts.Messages;

namespace Chezlepro.Demo;

/// <summary>One check an agent reports in the back-filled history, with the source that reports it.</summary>
internal sealed record HistoryCheck(string Source, string Check, string OkSummary);

/// <summary>
/// A scripted span of the back-filled history, in Montréal local time (the contracts' calendar): a check reporting a
/// status other than ok, or (<see cref="Check"/> null) the whole agent silent.
/// </summary>
internal sealed record HistoryEvent(string Site, string? Check, int Day, int Hour, int Minute, TimeSpan Length, HealthStatus Status, string Summary);

/// <summary>
/// What the demo's agents "saw" before the demo started: one result per check every <see cref="Step"/> from the first
/// of last month up to the start, with the outages of <see cref="Events"/>, so that last month's SLA report already has
/// downtime, unknown time and credits. Pure: the same month gives the same history.
/// </summary>
internal static class DemoHistory
{
    /// <summary>
    /// Results every 30 minutes keep the back-fill small (about 1,450 results per check and month, 8,000 in all with
    /// the days of this month, delivered in about 35 s on a busy 2-core machine); the demo's services therefore have a staleness limit of
    /// <see cref="StalenessLimit"/>, so two results a step apart are continuous. Events start and end on the step.
    /// </summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    /// <summary>The staleness limit of every demo service (longer than <see cref="Step"/>).</summary>
    public static readonly TimeSpan StalenessLimit = TimeSpan.FromMinutes(35);

    public static readonly TimeZoneInfo Calendar = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    // Last month at lanaudiere: the web site down 3 h 30 and 1 h 30 (critical probe), the cluster without quorum for an
    // hour, the agent silent 2 h 30 (unknown for every check there from the last result + the staleness limit). At
    // st-bruno: the agent silent 1 h 30 and nothing else. Over 30 days that is web 99.31 % (98.97 % counting the
    // silence as down), cluster 99.86 %, portal 99.80 % counting its silence: obnl-a and coop-c earn a credit.
    public static readonly IReadOnlyList<HistoryEvent> Events =
    [
        new("lanaudiere", "probe.web", 9, 14, 0, TimeSpan.FromMinutes(210), HealthStatus.Critical, "HTTP 503 Service Unavailable (3 échecs de suite)"),
        new("lanaudiere", "proxmox.quorum", 16, 10, 0, TimeSpan.FromMinutes(60), HealthStatus.Critical, "la grappe site-a n’a PAS le quorum\u00a0: 1/3 nœuds en ligne"),
        new("lanaudiere", null, 19, 20, 0, TimeSpan.FromMinutes(150), HealthStatus.Unknown, "agent muet (lien WAN coupé)"),
        new("lanaudiere", "probe.web", 23, 3, 0, TimeSpan.FromMinutes(90), HealthStatus.Critical, "connexion refusée (3 échecs de suite)"),
        new("st-bruno", null, 12, 1, 0, TimeSpan.FromMinutes(90), HealthStatus.Unknown, "agent muet (panne de courant)"),
    ];

    /// <summary>The checks each site's agent reports in the history (and live, from its sources).</summary>
    public static IReadOnlyList<HistoryCheck> ChecksOf(string site) => site == "lanaudiere"
        ?
        [
            new("web", "probe.web", "HTTP 200 en 12 ms"),
            new("pve", "proxmox.quorum", "quorum atteint, 3/3 nœuds en ligne"),
            new("ceph", "ceph", "HEALTH_OK\u00a0; OSD 6/6 actifs, 6/6 intégrés"),
        ]
        :
        [
            new("pve", "proxmox.quorum", "quorum atteint, 3/3 nœuds en ligne"),
            new("portal", "probe.portal", "HTTP 200 en 9 ms"),
        ];

    /// <summary>The first instant of the month before <paramref name="now"/>'s, in the contracts' calendar, as UTC.</summary>
    public static DateTimeOffset LastMonthStart(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Calendar);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(first, Calendar), TimeSpan.Zero);
    }

    /// <summary>Last month as <c>yyyy-MM</c> (the API's month segment).</summary>
    public static string LastMonth(DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(LastMonthStart(now), Calendar).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The results of <paramref name="site"/> from the start of last month to <paramref name="until"/>, in time order:
    /// capture time, the check and what it reported.
    /// </summary>
    public static IEnumerable<(DateTimeOffset Ts, HistoryCheck Check, HealthStatus Status, string Summary)> Results(string site, DateTimeOffset now, DateTimeOffset until)
    {
        var start = LastMonthStart(now);
        var spans = Events.Where(e => e.Site == site).Select(e => (Event: e, From: LocalToUtc(start, e), To: LocalToUtc(start, e) + e.Length)).ToList();
        var checks = ChecksOf(site);
        for (var ts = start; ts < until; ts += Step)
        {
            var t = ts;
            if (spans.Any(s => s.Event.Check is null && s.From <= t && t < s.To)) continue;
            foreach (var check in checks)
            {
                var hit = spans.FirstOrDefault(s => s.Event.Check == check.Check && s.From <= t && t < s.To);
                yield return hit.Event is { } e ? (ts, check, e.Status, e.Summary) : (ts, check, HealthStatus.Ok, check.OkSummary);
            }
        }
    }

    private static DateTimeOffset LocalToUtc(DateTimeOffset monthStart, HistoryEvent e)
    {
        var month = TimeZoneInfo.ConvertTime(monthStart, Calendar);
        var local = new DateTime(month.Year, month.Month, e.Day, e.Hour, e.Minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Calendar), TimeSpan.Zero);
    }
}
