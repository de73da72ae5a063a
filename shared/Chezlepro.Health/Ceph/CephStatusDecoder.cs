using System.Text.Json;

namespace Chezlepro.Health.Ceph;

/// <summary>
/// Pure decoder of <c>ceph status</c> JSON, tolerant of the layout changes of reference §5.17: nested
/// <c>osdmap.osdmap</c> before Pacific, a string <c>summary</c> in Luminous, absent zero counters.
/// </summary>
internal static class CephStatusDecoder
{
    public static CephStatus Decode(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException("ceph status is not a JSON object");
        var health = root.TryGetProperty("health", out var h) && h.ValueKind == JsonValueKind.Object ? h : default;
        var osdmap = Object(root, "osdmap");
        if (osdmap.ValueKind == JsonValueKind.Object && Object(osdmap, "osdmap") is { ValueKind: JsonValueKind.Object } nested)
            osdmap = nested;
        var pgmap = Object(root, "pgmap");
        var monmap = Object(root, "monmap");
        var mons = Array(monmap, "mons").Select(m => String(m, "name")).OfType<string>().ToList();
        return new CephStatus
        {
            Health = String(health, "status") ?? String(health, "overall_status"),
            Checks = Checks(health),
            QuorumNames = Array(root, "quorum_names").Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            NumMons = (int?)Long(monmap, "num_mons") ?? (mons.Count > 0 ? mons.Count : null),
            MonNames = mons,
            NumOsds = Long(osdmap, "num_osds"),
            NumUpOsds = Long(osdmap, "num_up_osds"),
            NumInOsds = Long(osdmap, "num_in_osds"),
            NumPgs = Long(pgmap, "num_pgs"),
            PgsByState = Array(pgmap, "pgs_by_state")
                .Select(e => (String(e, "state_name") ?? "unknown", Long(e, "count") ?? 0)).ToList(),
            DegradedObjects = Long(pgmap, "degraded_objects") ?? 0,
            MisplacedObjects = Long(pgmap, "misplaced_objects") ?? 0,
            UnfoundObjects = Long(pgmap, "unfound_objects") ?? 0,
            DegradedRatio = Double(pgmap, "degraded_ratio"),
            BytesUsed = Long(pgmap, "bytes_used"),
            BytesTotal = Long(pgmap, "bytes_total"),
        };
    }

    private static List<CephHealthCheck> Checks(JsonElement health)
    {
        var checks = Object(health, "checks");
        if (checks.ValueKind != JsonValueKind.Object)
            return [];
        var list = new List<CephHealthCheck>();
        foreach (var property in checks.EnumerateObject())
        {
            var c = property.Value;
            var summary = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("summary", out var s) ? s : default;
            var message = summary.ValueKind == JsonValueKind.String ? summary.GetString() : String(summary, "message");
            var muted = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("muted", out var m) && m.ValueKind == JsonValueKind.True;
            list.Add(new CephHealthCheck(property.Name, String(c, "severity") ?? "HEALTH_WARN", message ?? property.Name,
                Long(summary, "count"), muted, Array(c, "detail").Select(d => String(d, "message")).OfType<string>().ToList()));
        }
        return list;
    }

    private static JsonElement Object(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;

    private static JsonElement.ArrayEnumerator Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : default;

    private static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number => v.TryGetInt64(out var l) ? l : (long)v.GetDouble(),
            JsonValueKind.String when long.TryParse(v.GetString(), out var p) => p,
            _ => null,
        } : null;

    private static double? Double(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
