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
        report.Checks.Add(new CheckResult(QuorumCheck, HealthStatus.Unknown, reason));
        foreach (var node in knownNodes)
            report.Checks.Add(new CheckResult(NodeCheck(node), HealthStatus.Unknown, reason));
        report.Checks.Add(new CheckResult(HaCheck, HealthStatus.Unknown, reason));
        return report;
    }

    private static CheckResult MapQuorum(PveSnapshot s, HealthReport report)
    {
        if (s.ClusterStatus.Value is not { } entries)
            return new CheckResult(QuorumCheck, HealthStatus.Unknown, Reason(s.ClusterStatus.Error, "/cluster/status not read"));
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
                ? new CheckResult(QuorumCheck, HealthStatus.Unknown, "/cluster/status listed neither a cluster nor a node", details)
                : new CheckResult(QuorumCheck, HealthStatus.Ok, "standalone node (no cluster)", details);
        }
        details["cluster"] = cluster.Name;
        details["nodesConfigured"] = cluster.Nodes;
        if (cluster.Quorate is not { } quorate)
            return new CheckResult(QuorumCheck, HealthStatus.Unknown, "/cluster/status: cluster entry lacks 'quorate'", details);
        details["quorate"] = quorate;
        report.Samples.Add(new Sample("cluster.quorate", quorate ? 1 : 0));
        var configured = cluster.Nodes ?? nodes.Count;
        var counts = $"{online}/{configured} nodes online";
        if (!quorate)
            return new CheckResult(QuorumCheck, HealthStatus.Critical, $"cluster {cluster.Name} has NO quorum: {counts}", details);
        if (offline.Count > 0 || online < configured)
            return new CheckResult(QuorumCheck, HealthStatus.Warning,
                $"quorate, {counts}" + (offline.Count > 0 ? $" ({string.Join(", ", offline)} offline)" : ""), details);
        return new CheckResult(QuorumCheck, HealthStatus.Ok, $"quorate, {counts}", details);
    }

    private static CheckResult MapHa(PveSnapshot s, PveThresholds t)
    {
        if (s.Ha.Value is not { } entries)
            return new CheckResult(HaCheck, HealthStatus.Unknown, Reason(s.Ha.Error, "/cluster/ha/status/current not read"));
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
            return new CheckResult(HaCheck, HealthStatus.Ok, "HA not in use (no HA resources)", details);
        if (quorum?.Quorate == false)
            return new CheckResult(HaCheck, HealthStatus.Critical, $"HA: no quorum ({quorum.Status})", details);
        // reference §6: a service in error or fence state is down; recovery/freeze/queued are in-between states.
        var down = services.Where(e => e.State is "error" or "fence").Select(Label).ToList();
        if (down.Count > 0)
            return new CheckResult(HaCheck, HealthStatus.Critical, $"HA: {string.Join(", ", down)}", details);
        var problems = services.Where(e => e.State is "recovery" or "freeze" or "queued" or "deleting").Select(Label).ToList();
        if (master?.Timestamp is { } ts)
        {
            var age = s.Now - DateTimeOffset.FromUnixTimeSeconds(ts);
            details["masterAgeSeconds"] = (long)age.TotalSeconds;
            if (age > t.HaMasterStaleAfter)
                problems.Insert(0, $"CRM master {master.Node} silent for {(long)age.TotalSeconds} s");
        }
        else
        {
            problems.Insert(0, "no active CRM master");
        }
        return problems.Count > 0
            ? new CheckResult(HaCheck, HealthStatus.Warning, $"HA: {string.Join("; ", problems)}", details)
            : new CheckResult(HaCheck, HealthStatus.Ok, $"HA: {services.Count} resources managed, master {master?.Node}", details);
    }

    private static string Label(PveHaStatusEntry e) => $"{e.Sid ?? e.Id} {e.State}" + (e.Node is null ? "" : $" on {e.Node}");

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

    internal static string Percent(double fraction) => $"{fraction * 100:0}%";
}
