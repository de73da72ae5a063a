using System.Globalization;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Failover;

/// <summary>
/// Turns what the store knows into a <see cref="FailoverObservation"/>. Pure: the service reads the store and
/// passes the rows in. Freshness is judged on capture times (the store's last-seen follows capture time), so
/// messages a durable session replays after the collector was away never look like a live site.
/// </summary>
public static class ObservationBuilder
{
    /// <summary>Builds the observation of one group.</summary>
    /// <param name="group">The group.</param>
    /// <param name="now">Observation time.</param>
    /// <param name="brokerConnected">The collector's own broker connection.</param>
    /// <param name="staleAfter">Freshness limit.</param>
    /// <param name="nodes">Every known node.</param>
    /// <param name="latest">Latest metrics and health per (site, node) for the primary's nodes and the nodes of the group's checks.</param>
    public static FailoverObservation Build(FailoverGroupDefinition group, DateTimeOffset now, bool brokerConnected, TimeSpan staleAfter,
        IReadOnlyList<NodeView> nodes, IReadOnlyDictionary<(string Site, string Node), (IReadOnlyList<MetricView> Metrics, IReadOnlyList<HealthView> Health)> latest)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(latest);
        var facts = new List<string>();
        bool Fresh(DateTimeOffset? ts) => ts is { } t && now - t <= staleAfter;
        bool Live(NodeView n) => n.Online && Fresh(n.LastSeen);

        var primaryNodes = nodes.Where(n => n.Site == group.Primary).ToList();
        var secondaryNodes = nodes.Where(n => n.Site == group.Secondary).ToList();
        foreach (var n in primaryNodes.Concat(secondaryNodes))
            facts.Add($"{n.Site}/{n.Node} {(n.Online ? "online" : "offline")}{(n.Reason is null ? "" : " (" + n.Reason + ")")}, last seen {Stamp(n.LastSeen)}{(Fresh(n.LastSeen) ? "" : ", stale")}");
        var primaryReachable = primaryNodes.Any(Live);

        var primaryCritical = false;
        var secondaryCritical = false;
        foreach (var check in group.Checks)
        {
            if (!latest.TryGetValue((check.Site, check.Node), out var l)) continue;
            var h = l.Health.FirstOrDefault(x => x.Check == check.Check);
            if (h is null || !Fresh(h.Ts) || h.Status != HealthStatus.Critical) continue;
            facts.Add($"check {check.Site}/{check.Node}/{check.Check} critical at {Stamp(h.Ts)}");
            // A check located at the secondary speaks for the secondary; any other (the primary's own, or a probe
            // from a third site) speaks for the service as the primary serves it.
            if (check.Site == group.Secondary) secondaryCritical = true;
            else primaryCritical = true;
        }

        var onBattery = false;
        TimeSpan? runtime = null;
        foreach (var n in primaryNodes.Where(Live))
        {
            if (!latest.TryGetValue((n.Site, n.Node), out var l)) continue;
            var grid = l.Metrics.FirstOrDefault(m => m.Metric == MetricNames.GridAvailable && Fresh(m.Ts));
            var rt = l.Metrics.FirstOrDefault(m => m.Metric == MetricNames.BatteryRuntime && Fresh(m.Ts) && double.IsFinite(m.Value) && m.Value >= 0);
            if (grid is { Value: 0 } || (grid is null && rt is not null)) onBattery = true;
            if (rt is not null && (grid is null || grid.Value == 0))
            {
                var r = TimeSpan.FromSeconds(Math.Min(rt.Value, TimeSpan.MaxValue.TotalSeconds / 2));
                runtime = runtime is { } prev && prev < r ? prev : r;
                facts.Add($"{n.Site}/{n.Node} on battery, runtime {rt.Value.ToString("0", CultureInfo.InvariantCulture)} s at {Stamp(rt.Ts)}");
            }
        }

        var secondaryHealthy = secondaryNodes.Any(Live) && !secondaryCritical;
        var otherSiteHeard = nodes.Any(n => n.Site != group.Primary && Fresh(n.LastSeen));
        var witness = brokerConnected && otherSiteHeard;
        facts.Add($"witness: broker {(brokerConnected ? "connected" : "disconnected")}, {(otherSiteHeard ? "hears" : "does not hear")} another site");
        return new FailoverObservation(now, primaryReachable, primaryCritical, secondaryHealthy, witness, onBattery, runtime, facts);
    }

    private static string Stamp(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "never";
}
