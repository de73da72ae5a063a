using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Proxmox.Replies;

namespace Chezlepro.Health.Proxmox;

/// <summary>
/// Pure mapping of a <see cref="PveSnapshot"/> to the checks <c>proxmox.quorum</c>, <c>proxmox.node.&lt;name&gt;</c>
/// and <c>proxmox.ha</c> plus telemetry. Rules: reference §4 (Zabbix, pve-exporter) and §6; README of the source.
/// </summary>
internal static partial class PveHealthMapper
{
    public const string QuorumCheck = "proxmox.quorum";
    public const string HaCheck = "proxmox.ha";

    public static string NodeCheck(string node) => "proxmox.node." + node;

    public static HealthReport Map(PveSnapshot snapshot, PveThresholds thresholds)
    {
        var report = new HealthReport();
        report.Checks.Add(MapQuorum(snapshot, report));
        MapNodes(snapshot, thresholds, report);
        report.Checks.Add(MapHa(snapshot, thresholds));
        if (MapReplicationCheck(snapshot, thresholds) is { } replication) report.Checks.Add(replication);
        MapGuests(snapshot, report);
        return report;
    }

    /// <summary>Every check unknown: nothing could be read (auth failed, no node reachable, TLS refused).</summary>
    public static HealthReport Unknown(string reason, IEnumerable<string> knownNodes)
    {
        var report = new HealthReport();
        // The reason is the API's or the TLS layer's own message: kept as written inside the French sentence.
        var text = HealthText.Of($"Proxmox illisible{HealthText.NoBreakSpace}: {reason}", $"{reason}");
        report.Checks.Add(text.Result(QuorumCheck, HealthStatus.Unknown));
        foreach (var node in knownNodes)
            report.Checks.Add(text.Result(NodeCheck(node), HealthStatus.Unknown));
        report.Checks.Add(text.Result(HaCheck, HealthStatus.Unknown));
        return report;
    }

    private static CheckResult MapQuorum(PveSnapshot s, HealthReport report)
    {
        if (s.ClusterStatus.Value is not { } entries)
            return Reason(s.ClusterStatus.Error, HealthText.Of($"/cluster/status non lu", $"/cluster/status not read")).Result(QuorumCheck, HealthStatus.Unknown);
        var nodes = entries.Where(e => e.Type == "node").ToList();
        var online = nodes.Count(n => n.Online == true);
        var offline = nodes.Where(n => n.Online == false).Select(n => n.Name ?? n.Id ?? "?").ToList();
        var cluster = entries.Find(e => e.Type == "cluster");
        var details = new JsonObject { ["nodesOnline"] = online, ["nodesKnown"] = nodes.Count };
        if (cluster is null)
        {
            // A standalone node has no "cluster" entry: no cluster, not "no quorum" (reference §1.3).
            details["standalone"] = true;
            return nodes.Count == 0
                ? HealthText.Of($"/cluster/status n’a listé ni grappe ni nœud", $"/cluster/status listed neither a cluster nor a node")
                    .Result(QuorumCheck, HealthStatus.Unknown, details)
                : HealthText.Of($"nœud autonome (pas de grappe)", $"standalone node (no cluster)").Result(QuorumCheck, HealthStatus.Ok, details);
        }
        details["cluster"] = cluster.Name;
        details["nodesConfigured"] = cluster.Nodes;
        if (cluster.Quorate is not { } quorate)
            return HealthText.Of($"/cluster/status{HealthText.NoBreakSpace}: l’entrée de la grappe n’a pas de «{HealthText.NoBreakSpace}quorate{HealthText.NoBreakSpace}»",
                $"/cluster/status: cluster entry lacks 'quorate'").Result(QuorumCheck, HealthStatus.Unknown, details);
        details["quorate"] = quorate;
        report.Samples.Add(new Sample("cluster.quorate", quorate ? 1 : 0));
        var configured = cluster.Nodes ?? nodes.Count;
        var counts = HealthText.Of($"{online}/{configured} nœuds en ligne", $"{online}/{configured} nodes online");
        if (!quorate)
            return HealthText.Of($"la grappe {cluster.Name} n’a PAS le quorum{HealthText.NoBreakSpace}: ", $"cluster {cluster.Name} has NO quorum: ").Append(counts)
                .Result(QuorumCheck, HealthStatus.Critical, details);
        var quorateText = HealthText.Of($"quorum atteint, ", $"quorate, ").Append(counts);
        if (offline.Count > 0 || online < configured)
        {
            var names = string.Join(", ", offline);
            return quorateText.Append(offline.Count > 0 ? HealthText.Of($" ({names} hors ligne)", $" ({names} offline)") : HealthText.Same(""))
                .Result(QuorumCheck, HealthStatus.Warning, details);
        }
        return quorateText.Result(QuorumCheck, HealthStatus.Ok, details);
    }

    private static CheckResult MapHa(PveSnapshot s, PveThresholds t)
    {
        if (s.Ha.Value is not { } entries)
            return Reason(s.Ha.Error, HealthText.Of($"/cluster/ha/status/current non lu", $"/cluster/ha/status/current not read")).Result(HaCheck, HealthStatus.Unknown);
        var services = entries.Where(e => e.Type == "service").ToList();
        var master = entries.Find(e => e.Type == "master");
        var quorum = entries.Find(e => e.Type == "quorum");
        var byState = new JsonObject();
        foreach (var group in services.GroupBy(e => e.State ?? "unknown"))
            byState[group.Key] = group.Count();
        var details = new JsonObject { ["services"] = services.Count, ["byState"] = byState, ["master"] = master?.Node };
        if (entries.Find(e => e.Type == "fencing") is { } fencing)
            details["fencing"] = fencing.ArmedState;
        if (services.Count == 0)
            return HealthText.Of($"HA non utilisée (aucune ressource HA)", $"HA not in use (no HA resources)").Result(HaCheck, HealthStatus.Ok, details);
        if (quorum?.Quorate == false)
            return HealthText.Labelled("HA", HealthText.Of($"pas de quorum ({quorum.Status})", $"no quorum ({quorum.Status})")).Result(HaCheck, HealthStatus.Critical, details);
        // reference §6: a service in error or fence state is down; recovery/freeze/queued are in-between states.
        var down = services.Where(e => e.State is "error" or "fence").Select(Label).ToList();
        if (down.Count > 0)
            return HealthText.Labelled("HA", JoinComma(down)).Result(HaCheck, HealthStatus.Critical, details);
        var problems = services.Where(e => e.State is "recovery" or "freeze" or "queued" or "deleting").Select(Label).ToList();
        if (master?.Timestamp is { } ts)
        {
            var age = s.Now - DateTimeOffset.FromUnixTimeSeconds(ts);
            details["masterAgeSeconds"] = (long)age.TotalSeconds;
            if (age > t.HaMasterStaleAfter)
                problems.Insert(0, HealthText.Of($"maître CRM {master.Node} muet depuis {(long)age.TotalSeconds}{HealthText.NoBreakSpace}s",
                    $"CRM master {master.Node} silent for {(long)age.TotalSeconds} s"));
        }
        else
        {
            problems.Insert(0, HealthText.Of($"aucun maître CRM actif", $"no active CRM master"));
        }
        return problems.Count > 0
            ? HealthText.Labelled("HA", HealthText.Join(problems)).Result(HaCheck, HealthStatus.Warning, details)
            : HealthText.Labelled("HA", HealthText.Of($"{services.Count} ressource(s) gérée(s), maître {master?.Node}", $"{services.Count} resources managed, master {master?.Node}"))
                .Result(HaCheck, HealthStatus.Ok, details);
    }

    // The state is Proxmox's own word (error, fence, recovery…): kept as the vendor wrote it.
    private static HealthText Label(PveHaStatusEntry e) =>
        HealthText.Of($"{e.Sid ?? e.Id} {e.State}", $"{e.Sid ?? e.Id} {e.State}")
            .Append(e.Node is null ? HealthText.Same("") : HealthText.Of($" sur {e.Node}", $" on {e.Node}"));

    /// <summary>Parts joined with <c>", "</c> in both languages.</summary>
    internal static HealthText JoinComma(IEnumerable<HealthText> parts)
    {
        var list = parts.ToList();
        return new(string.Join(", ", list.Select(p => p.Fr)), string.Join(", ", list.Select(p => p.En)));
    }

    private static void MapGuests(PveSnapshot s, HealthReport report)
    {
        if (s.Resources.Value is not { } resources)
            return;
        foreach (var g in resources.Where(r => r.Type is "qemu" or "lxc" && r.Template != true && r.VmId is not null))
        {
            var prefix = $"guest.{g.VmId}.";
            report.Samples.Add(new Sample(prefix + "running", g.Status == "running" ? 1 : 0));
            if (g.Cpu is { } cpu)
                report.Samples.Add(new Sample(prefix + "cpu", Math.Round(cpu * 100, 2), "%"));
            if (g.Mem is { } mem)
                report.Samples.Add(new Sample(prefix + "memory.used", mem, "B"));
        }
    }

    internal static string Reason(Http.ApiException? error, string fallback) => error?.Message ?? fallback;

    /// <summary>The API's own message in both languages, else the fallback.</summary>
    internal static HealthText Reason(Http.ApiException? error, HealthText fallback) => error is null ? fallback : HealthText.Same(error.Message);

    internal static HealthText Percent(double fraction) => HealthText.Of($"{fraction * 100:0}{HealthText.NoBreakSpace}%", $"{fraction * 100:0}%");
}
