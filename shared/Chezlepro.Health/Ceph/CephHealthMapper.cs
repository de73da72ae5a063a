using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Health.Ceph;

/// <summary>
/// Pure mapping of <see cref="CephStatus"/> to the <c>ceph</c> check and telemetry. HEALTH_OK/WARN/ERR map to
/// ok/warning/critical (reference §6); inactive PGs or a lost monitor majority are critical whatever Ceph
/// says (ceph-mixin CephPGsInactive, CephMonDownQuorumAtRisk).
/// </summary>
internal static class CephHealthMapper
{
    public const string Check = "ceph";

    public static HealthReport Map(CephStatus s)
    {
        var report = new HealthReport();
        var inactive = s.PgsByState.Where(p => !p.State.Split('+').Contains("active")).Sum(p => p.Count);
        var clean = s.PgsByState.Where(p => p.State.Split('+').Contains("clean") && p.State.Split('+').Contains("active")).Sum(p => p.Count);
        var details = new JsonObject
        {
            ["health"] = s.Health,
            ["numOsds"] = s.NumOsds, ["numUpOsds"] = s.NumUpOsds, ["numInOsds"] = s.NumInOsds,
            ["numPgs"] = s.NumPgs, ["pgsActiveClean"] = clean, ["pgsInactive"] = inactive,
            ["degradedObjects"] = s.DegradedObjects, ["misplacedObjects"] = s.MisplacedObjects, ["unfoundObjects"] = s.UnfoundObjects,
            ["monsInQuorum"] = s.QuorumNames.Count, ["numMons"] = s.NumMons,
            ["quorumNames"] = new JsonArray([.. s.QuorumNames.Select(n => (JsonNode)n!)]),
        };
        var pgStates = new JsonObject();
        foreach (var (state, count) in s.PgsByState)
            pgStates[state] = count;
        details["pgsByState"] = pgStates;
        var checks = new JsonObject();
        foreach (var c in s.Checks)
            checks[c.Code] = new JsonObject { ["severity"] = c.Severity, ["message"] = c.Message, ["count"] = c.Count, ["muted"] = c.Muted };
        details["checks"] = checks;
        AddSamples(s, report, inactive, clean);

        var status = s.Health switch
        {
            "HEALTH_OK" => HealthStatus.Ok,
            "HEALTH_WARN" => HealthStatus.Warning,
            "HEALTH_ERR" => HealthStatus.Critical,
            _ => HealthStatus.Unknown,
        };
        var reasons = s.Checks.Where(c => !c.Muted)
            .OrderBy(c => c.Severity == "HEALTH_ERR" ? 0 : 1).ThenBy(c => c.Code, StringComparer.Ordinal)
            // Ceph's own messages stay as Ceph writes them (English): an operator searches them in Ceph's documentation.
            .Select(c => HealthText.Same(c.Message)).ToList();
        if (s.NumMons is { } mons && mons > 0 && s.QuorumNames.Count * 2 <= mons)
        {
            status = HealthStatus.Critical;
            reasons.Insert(0, HealthText.Of($"quorum des moniteurs perdu ({s.QuorumNames.Count}/{mons} dans le quorum)",
                $"monitor quorum lost ({s.QuorumNames.Count}/{mons} in quorum)"));
        }
        if (inactive > 0)
        {
            status = HealthStatus.Critical;
            reasons.Insert(0, HealthText.Of($"{inactive} PG inactifs (E/S bloquées)", $"{inactive} PGs inactive (I/O blocked)"));
        }
        if (s.Health is null)
        {
            var missing = HealthText.Of($"l’état de Ceph n’a pas de health.status", $"ceph status lacks health.status");
            report.Checks.Add((reasons.Count > 0 ? HealthText.Labelled(missing, HealthText.Join(reasons)) : missing)
                .Result(Check, status == HealthStatus.Critical ? status : HealthStatus.Unknown, details));
            return report;
        }
        var osds = s.NumOsds is { } n
            ? HealthText.Of($"{HealthText.NoBreakSpace}; OSD {s.NumUpOsds}/{n} actifs, {s.NumInOsds}/{n} intégrés", $"; OSDs {s.NumUpOsds}/{n} up, {s.NumInOsds}/{n} in")
            : HealthText.Same("");
        var summary = reasons.Count > 0 ? HealthText.Labelled(s.Health, HealthText.Join(reasons)) : HealthText.Same(s.Health).Append(osds);
        report.Checks.Add(new HealthText(Cut(summary.Fr), Cut(summary.En)).Result(Check, status, details));
        return report;
    }

    private static void AddSamples(CephStatus s, HealthReport report, long inactive, long clean)
    {
        report.Samples.Add(new Sample("ceph.health", s.Health switch { "HEALTH_OK" => 0, "HEALTH_WARN" => 1, "HEALTH_ERR" => 2, _ => -1 }));
        if (s.NumOsds is { } osds) report.Samples.Add(new Sample("ceph.osds.total", osds));
        if (s.NumUpOsds is { } up) report.Samples.Add(new Sample("ceph.osds.up", up));
        if (s.NumInOsds is { } inn) report.Samples.Add(new Sample("ceph.osds.in", inn));
        if (s.NumPgs is { } pgs) report.Samples.Add(new Sample("ceph.pgs.total", pgs));
        report.Samples.Add(new Sample("ceph.pgs.activeClean", clean));
        report.Samples.Add(new Sample("ceph.pgs.inactive", inactive));
        report.Samples.Add(new Sample("ceph.objects.degraded", s.DegradedObjects));
        report.Samples.Add(new Sample("ceph.objects.misplaced", s.MisplacedObjects));
        report.Samples.Add(new Sample("ceph.objects.unfound", s.UnfoundObjects));
        report.Samples.Add(new Sample("ceph.mons.inQuorum", s.QuorumNames.Count));
        if (s.BytesTotal is > 0 && s.BytesUsed is { } used)
            report.Samples.Add(new Sample("ceph.used", Math.Round(100.0 * used / s.BytesTotal.Value, 2), "%"));
    }

    private static string Cut(string summary) => summary.Length > 300 ? summary[..300] + "…" : summary;
}
