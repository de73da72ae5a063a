using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Noc;

/// <summary>Collector-derived NOC alerts: stable ids, priorities, French (read first) and English texts.</summary>
public static class NocAlertTexts
{
    /// <summary><c>node-offline:&lt;site&gt;/&lt;node&gt;</c>, P2.</summary>
    public static NocAlert NodeOffline(string site, string node, bool offline, DateTimeOffset now) => new()
    {
        Id = $"node-offline:{site}/{node}", State = offline ? AlertState.Raised : AlertState.Cleared, Priority = Priority.P2, Site = site, Node = node,
        Summary = offline ? $"Nœud {site}/{node} hors ligne" : $"Nœud {site}/{node} de retour en ligne",
        SummaryEn = offline ? $"Node {site}/{node} offline" : $"Node {site}/{node} back online",
        Ts = now,
    };

    /// <summary>
    /// <c>delivery-hole:&lt;site&gt;/&lt;node&gt;</c>, P3: messages of the node missing for more than ten minutes, unexplained. The
    /// text names no count: the book republishes an alert whose text changes, and a count would change every round.
    /// </summary>
    public static NocAlert DeliveryHole(string site, string node, bool open, DateTimeOffset now) => new()
    {
        Id = $"delivery-hole:{site}/{node}", State = open ? AlertState.Raised : AlertState.Cleared, Priority = Priority.P3, Site = site, Node = node,
        Summary = open
            ? $"Messages de {site}/{node} manquants depuis plus de 10 minutes, sans avis d’éviction"
            : $"Messages de {site}/{node} de nouveau complets",
        SummaryEn = open
            ? $"Messages of {site}/{node} missing for over 10 minutes, no eviction notice"
            : $"Messages of {site}/{node} complete again",
        Ts = now,
    };

    /// <summary><c>failover-blocked:&lt;group&gt;</c>, P1: primary down, secondary unavailable, no decision possible.</summary>
    public static NocAlert FailoverBlocked(string group, string primary, string secondary, bool blocked, DateTimeOffset now) => new()
    {
        Id = $"failover-blocked:{group}", State = blocked ? AlertState.Raised : AlertState.Cleared, Priority = Priority.P1, Site = primary,
        Summary = blocked
            ? $"Bascule impossible pour {group} : site principal {primary} en panne et site secondaire {secondary} indisponible"
            : $"Bascule de nouveau possible pour {group}",
        SummaryEn = blocked
            ? $"No failover possible for {group}: primary {primary} down and secondary {secondary} unavailable"
            : $"Failover possible again for {group}",
        Ts = now,
    };

    /// <summary><c>failover:&lt;group&gt;</c>, P1: raised while a decision moves the group off its primary (or proposes to).</summary>
    public static NocAlert FailoverDecided(FailoverDecision d, string primary, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(d);
        var backHome = d.Active == primary;
        var advisory = d.Mode == "advisory";
        return new NocAlert
        {
            Id = $"failover:{d.Group}", State = backHome && !advisory ? AlertState.Cleared : AlertState.Raised, Priority = Priority.P1, Site = primary,
            Summary = advisory
                ? $"Bascule proposée pour {d.Group} vers {d.Active} (époque {d.Epoch}, {d.Reason}) — confirmation d’un opérateur requise"
                : backHome ? $"{d.Group} de retour sur {d.Active} (époque {d.Epoch})"
                : $"Bascule de {d.Group} vers {d.Active} décidée (époque {d.Epoch}, {d.Reason})",
            SummaryEn = advisory
                ? $"Failover of {d.Group} to {d.Active} proposed (epoch {d.Epoch}, {d.Reason}) — operator confirmation required"
                : backHome ? $"{d.Group} back on {d.Active} (epoch {d.Epoch})"
                : $"Failover of {d.Group} to {d.Active} decided (epoch {d.Epoch}, {d.Reason})",
            Ts = now,
        };
    }

    /// <summary>An agent alert republished as <c>agent:&lt;site&gt;/&lt;node&gt;/&lt;id&gt;</c> with the agent's priority and texts.</summary>
    public static NocAlert FromAgent(AlertEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new NocAlert
        {
            Id = $"agent:{e.Site}/{e.Node}/{e.Alert.Id}", State = e.Alert.State, Priority = e.Alert.Priority, Site = e.Site, Node = e.Node,
            Summary = e.Alert.Summary, SummaryEn = e.Alert.SummaryEn, Ts = now,
        };
    }
}
