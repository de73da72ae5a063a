using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// Checks a bundle's JSON lines exactly as Evidence/README.md tells an auditor to with <c>jq</c> and <c>sha256sum</c>:
/// every record's hash from its fields, every prev against the hash before it, sequence numbers without a gap from the
/// header's <c>first</c> to its <c>last</c>, and every head against the hash at its place.
/// </summary>
public static class EvidenceBundleVerifier
{
    /// <summary>Verifies the lines of a bundle file (blank lines ignored).</summary>
    public static EvidenceVerification Verify(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var parsed = new List<JsonObject>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0) continue;
            try
            {
                parsed.Add(JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not an object"));
            }
            catch (JsonException ex)
            {
                return new EvidenceVerification(new EvidenceBreak(0, $"line {number} is not a JSON object: {ex.Message}"), 0, 0, 0);
            }
        }
        return Verify(parsed);
    }

    private static EvidenceVerification Verify(List<JsonObject> lines)
    {
        if (lines.Count == 0 || Text(lines[0], "type") != "bundle")
            return new EvidenceVerification(new EvidenceBreak(0, "the first line is not a bundle header"), 0, 0, 0);
        var header = lines[0];
        var prev = Text(header, "prev");
        var first = Number(header, "first");
        var last = Number(header, "last");
        var hashes = new Dictionary<long, string>();
        int records = 0, stubs = 0, heads = 0;
        long? expected = first;
        foreach (var line in lines.Skip(1))
        {
            var type = Text(line, "type");
            if (type == "head") continue;
            var seq = Number(line, "seq") ?? 0;
            if (expected is { } e && seq != e)
                return Broken(seq > e ? $"record {e} is missing (removed)" : $"record {seq} is out of order (expected {e})", Math.Min(seq, e));
            var hash = Text(line, "hash");
            if (type == "record")
            {
                if (!Recomputes(line, hash)) return Broken($"record {seq} was changed (its hash does not match its fields)", seq);
                records++;
            }
            else if (type == "stub")
            {
                stubs++;
            }
            else
            {
                return Broken($"line of unknown type '{type}' at record {seq}", seq);
            }
            if (Text(line, "prev") != prev) return Broken($"record {seq} does not follow the previous record (prev {Text(line, "prev")}, expected {prev})", seq);
            prev = hash;
            hashes[seq] = hash!;
            expected = seq + 1;
        }
        if (last is { } l && expected != l + 1)
            return Broken($"the bundle ends at record {(expected ?? 1) - 1}, its header says {l} (truncated)", (expected ?? 1) - 1);
        foreach (var line in lines.Skip(1).Where(x => Text(x, "type") == "head"))
        {
            var at = Number(line, "records") ?? -1;
            if (!hashes.TryGetValue(at, out var hash))
                return Broken($"the head of {Text(line, "date")} names record {at}, which the bundle does not hold (truncated)", at);
            if (hash != Text(line, "head")) return Broken($"record {at} differs from the head of {Text(line, "date")}", at);
            heads++;
        }
        return new EvidenceVerification(null, records, stubs, heads);

        EvidenceVerification Broken(string reason, long seq) => new(new EvidenceBreak(seq, reason), records, stubs, heads);
    }

    private static bool Recomputes(JsonObject line, string? hash)
    {
        var fields = (JsonObject)line.DeepClone();
        fields.Remove("type");
        fields.Remove("hash");
        try
        {
            return EvidenceCanonical.Hash(EvidenceCanonical.Encode(fields)) == hash;
        }
        catch (EvidenceFormatException)
        {
            return false;
        }
    }

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static long? Number(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n : null;
}
