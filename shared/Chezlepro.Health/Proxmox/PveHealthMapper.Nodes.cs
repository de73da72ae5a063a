using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Proxmox.Replies;

namespace Chezlepro.Health.Proxmox;

internal static partial class PveHealthMapper
{
    /// <summary>Node names from every reply that lists nodes, plus the nodes seen before.</summary>
    public static SortedSet<string> NodeNames(PveSnapshot s)
    {
        var names = new SortedSet<string>(s.KnownNodes, StringComparer.Ordinal);
        foreach (var e in s.ClusterStatus.Value ?? [])
            if (e.Type == "node" && !string.IsNullOrEmpty(e.Name))
                names.Add(e.Name);
        foreach (var r in s.Resources.Value ?? [])
            if (r.Type == "node" && !string.IsNullOrEmpty(r.Node))
                names.Add(r.Node);
        return names;
    }

    /// <summary>True when the node should answer per-node calls (online in either view).</summary>
    public static bool IsOnline(PveSnapshot s, string node) =>
        s.ClusterStatus.Value?.Find(e => e.Type == "node" && e.Name == node)?.Online == true
        || s.Resources.Value?.Find(r => r.Type == "node" && r.Node == node)?.Status == "online";

    private static void MapNodes(PveSnapshot s, PveThresholds t, HealthReport report)
    {
        foreach (var node in NodeNames(s))
            report.Checks.Add(MapNode(s, t, node, report));
    }

    private static CheckResult MapNode(PveSnapshot s, PveThresholds t, string node, HealthReport report)
    {
        var check = NodeCheck(node);
        var member = s.ClusterStatus.Value?.Find(e => e.Type == "node" && e.Name == node);
        var resource = s.Resources.Value?.Find(r => r.Type == "node" && r.Node == node);
        var details = new JsonObject { ["online"] = member?.Online, ["status"] = resource?.Status };
        var prefix = $"node.{node}.";
        if (member is null && resource is null)
        {
            var why = s.ClusterStatus.Error ?? s.Resources.Error;
            return (why is null
                    ? HealthText.Of($"{node} n’est plus listé par la grappe", $"{node} no longer listed by the cluster")
                    : HealthText.Labelled(node, HealthText.Same(why.Message)))
                .Result(check, HealthStatus.Unknown, details);
        }
        // Corosync membership (cluster/status) and pvestatd RRD (resources) must both say online (reference §1.3).
        if (member?.Online == false || resource?.Status == "offline")
        {
            report.Samples.Add(new Sample(prefix + "online", 0));
            return HealthText.Of($"{node} est hors ligne", $"{node} is offline").Result(check, HealthStatus.Critical, details);
        }
        if (resource is null || resource.Status != "online")
        {
            var what = resource is null
                ? HealthText.Of($"absent de /cluster/resources", $"not in /cluster/resources")
                : HealthText.Of($"état «{HealthText.NoBreakSpace}{resource.Status}{HealthText.NoBreakSpace}» (aucune donnée RRD de pvestatd)",
                    $"status '{resource.Status}' (no RRD data from pvestatd)");
            return HealthText.Labelled(node, HealthText.Of($"membre corosync mais ", $"corosync member but ").Append(what))
                .Result(check, HealthStatus.Unknown, details);
        }
        report.Samples.Add(new Sample(prefix + "online", 1));

        var warnings = new List<HealthText>();
        var facts = new List<HealthText>();
        s.NodeStatus.TryGetValue(node, out var statusFetch);
        var status = statusFetch.Value;
        if (statusFetch.Error is { } statusError)
            details["nodeStatusError"] = statusError.Message;

        var uptime = status?.Uptime ?? resource.Uptime;
        if (uptime is { } up)
        {
            details["uptimeSeconds"] = up;
            report.Samples.Add(new Sample(prefix + "uptime", up, "s"));
            facts.Add(TimeSpan.FromSeconds(up) < t.RestartedWithin
                ? HealthText.Of($"redémarré il y a {up / 60}{HealthText.NoBreakSpace}min", $"restarted {up / 60} min ago")
                : HealthText.Of($"en marche depuis ", $"up ").Append(FormatUptime(up)));
        }
        var cpu = status?.Cpu ?? resource.Cpu;
        if (cpu is { } c)
        {
            details["cpu"] = Math.Round(c, 4);
            report.Samples.Add(new Sample(prefix + "cpu", Math.Round(c * 100, 2), "%"));
            if (c >= t.CpuWarning) warnings.Add(HealthText.Same("CPU ").Append(Percent(c)));
        }
        if (status?.LoadAverage is [var load1, ..])
        {
            details["load1"] = load1;
            report.Samples.Add(new Sample(prefix + "load1", load1));
            facts.Add(HealthText.Of($"charge {load1:0.00}", $"load {load1:0.00}"));
            if (resource.MaxCpu is > 0 && load1 / resource.MaxCpu.Value >= t.LoadPerCpuWarning)
                warnings.Add(HealthText.Of($"charge {load1:0.00} sur {resource.MaxCpu} CPU", $"load {load1:0.00} on {resource.MaxCpu} CPUs"));
        }
        var memory = status?.Memory?.UsedFraction
            ?? (resource.MaxMem is > 0 && resource.Mem is { } m ? (double)m / resource.MaxMem.Value : null);
        if (memory is { } mem)
        {
            details["memoryUsed"] = Math.Round(mem, 4);
            report.Samples.Add(new Sample(prefix + "memory.used", Math.Round(mem * 100, 2), "%"));
            facts.Add(HealthText.Of($"mém. ", $"mem ").Append(Percent(mem)));
            if (mem >= t.MemoryWarning) warnings.Add(HealthText.Of($"mémoire ", $"memory ").Append(Percent(mem)));
        }
        if (status?.RootFs?.UsedFraction is { } root)
        {
            details["rootFsUsed"] = Math.Round(root, 4);
            if (root >= t.RootFsWarning) warnings.Add(HealthText.Of($"système de fichiers racine ", $"root fs ").Append(Percent(root)));
        }
        MapStorages(s, t, node, report, details, warnings);
        MapReplication(s, node, report, details, warnings);
        MapUpdates(s, node, report, details);

        return warnings.Count > 0
            ? HealthText.Labelled(node, HealthText.Join(warnings)).Result(check, HealthStatus.Warning, details)
            : HealthText.Of($"{node} en ligne", $"{node} online").Append(JoinComma([HealthText.Same(""), .. facts]))
                .Result(check, HealthStatus.Ok, details);
    }

    private static void MapStorages(PveSnapshot s, PveThresholds t, string node, HealthReport report, JsonObject details, List<HealthText> warnings)
    {
        var storages = new JsonArray();
        foreach (var st in (s.Resources.Value ?? []).Where(r => r.Type == "storage" && r.Node == node && r.Storage is not null))
        {
            var prefix = $"storage.{node}.{st.Storage}.";
            var available = st.Status == "available";
            report.Samples.Add(new Sample(prefix + "available", available ? 1 : 0));
            double? used = st.MaxDisk is > 0 && st.Disk is { } d ? (double)d / st.MaxDisk.Value : null;
            if (used is { } u)
                report.Samples.Add(new Sample(prefix + "used", Math.Round(u * 100, 2), "%"));
            storages.Add((JsonNode)new JsonObject { ["storage"] = st.Storage, ["status"] = st.Status, ["used"] = used is { } x ? Math.Round(x, 4) : null });
            // An enabled storage that is not active on this node reads "unknown" (reference §5.8).
            if (!available)
                warnings.Add(st.Status is { } state
                    ? HealthText.Of($"stockage {st.Storage} {state}", $"storage {st.Storage} {state}")
                    : HealthText.Of($"stockage {st.Storage} inconnu", $"storage {st.Storage} unknown"));
            else if (used >= t.StorageWarning)
                warnings.Add(HealthText.Of($"stockage {st.Storage} rempli à ", $"storage {st.Storage} ").Append(Percent(used.Value))
                    .Append(HealthText.Of($"", $" full")));
        }
        details["storages"] = storages;
    }

    private static void MapReplication(PveSnapshot s, string node, HealthReport report, JsonObject details, List<HealthText> warnings)
    {
        if (!s.Replication.TryGetValue(node, out var fetch))
            return;
        if (fetch.Error is { } error)
        {
            details["replicationError"] = error.Message;
            return;
        }
        var jobs = new JsonArray();
        foreach (var job in fetch.Value ?? [])
        {
            if (job.Id is null || job.Disable == true)
                continue;
            var lag = job.LastSync is > 0 ? (long)(s.Now - DateTimeOffset.FromUnixTimeSeconds(job.LastSync.Value)).TotalSeconds : (long?)null;
            var failures = job.FailCount ?? 0;
            if (lag is { } l)
                report.Samples.Add(new Sample($"replication.{job.Id}.lag", l, "s"));
            report.Samples.Add(new Sample($"replication.{job.Id}.failCount", failures));
            jobs.Add((JsonNode)new JsonObject
            {
                ["id"] = job.Id, ["target"] = job.Target, ["lagSeconds"] = lag, ["failCount"] = failures,
                ["lastSyncAt"] = job.LastSync is > 0 ? DateTimeOffset.FromUnixTimeSeconds(job.LastSync.Value).ToString("yyyy-MM-ddTHH:mm:ss.fffZ") : null,
            });
            if (failures > 0)
                warnings.Add(HealthText.Of($"réplication {job.Id} vers {job.Target} en échec ({failures}{HealthText.NoBreakSpace}fois{HealthText.NoBreakSpace}: {Http.ApiErrors.Clean(job.Error)})",
                    $"replication {job.Id} to {job.Target} failing ({failures}x: {Http.ApiErrors.Clean(job.Error)})"));
        }
        details["replication"] = jobs;
    }

    private static void MapUpdates(PveSnapshot s, string node, HealthReport report, JsonObject details)
    {
        if (!s.Updates.TryGetValue(node, out var fetch))
            return;
        if (fetch.Value is { } updates)
        {
            details["pendingUpdates"] = updates.Count;
            report.Samples.Add(new Sample($"node.{node}.updates.pending", updates.Count));
        }
        else if (fetch.Error is { } error)
        {
            details["pendingUpdatesError"] = error.Message;
        }
    }

    private static HealthText FormatUptime(long seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1
            ? HealthText.Of($"{(int)span.TotalDays}{HealthText.NoBreakSpace}j {span.Hours}{HealthText.NoBreakSpace}h", $"{(int)span.TotalDays}d {span.Hours}h")
            : HealthText.Of($"{span.Hours}{HealthText.NoBreakSpace}h {span.Minutes}{HealthText.NoBreakSpace}min", $"{span.Hours}h {span.Minutes}m");
    }
}
