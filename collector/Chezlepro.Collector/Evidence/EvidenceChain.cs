using System.Text.Json.Nodes;

namespace Chezlepro.Collector.Evidence;

/// <summary>Gives an entry its place in the chain (sequence number, previous hash, own hash) and checks stored records.</summary>
public static class EvidenceChain
{
    /// <summary>The record that follows <paramref name="prev"/> at <paramref name="seq"/>; refuses values outside the canonical form.</summary>
    public static EvidenceRecord Seal(EvidenceEntry entry, long seq, string prev)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.Kind)) throw new EvidenceFormatException("empty kind");
        if (string.IsNullOrWhiteSpace(entry.Subject)) throw new EvidenceFormatException("empty subject");
        if (!EvidenceCanonical.IsHash(prev)) throw new EvidenceFormatException($"prev '{prev}' is not sha256: + 64 hex");
        // Stored at millisecond precision: the record read back must hash the same.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(entry.At.ToUnixTimeMilliseconds());
        var data = (JsonObject)entry.Data.DeepClone();
        var hash = EvidenceCanonical.Hash(EvidenceCanonical.Encode(seq, entry.Kind, at, entry.Client, entry.Subject, data, prev));
        return new EvidenceRecord(seq, entry.Kind, at, entry.Client, entry.Subject, data, prev, hash);
    }

    /// <summary>The hash the record's fields give (equal to <see cref="EvidenceRecord.Hash"/> unless it was altered).</summary>
    public static string Recompute(EvidenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return EvidenceCanonical.Hash(EvidenceCanonical.Encode(record.Seq, record.Kind, record.At, record.Client, record.Subject, record.Data, record.Prev));
    }

    /// <summary>The record as one JSON object: its canonical fields and its hash (a bundle line without its type).</summary>
    public static JsonObject ToJson(EvidenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new JsonObject
        {
            ["seq"] = record.Seq,
            ["kind"] = record.Kind,
            ["at"] = EvidenceCanonical.FormatAt(record.At),
            ["client"] = record.Client,
            ["subject"] = record.Subject,
            ["data"] = record.Data.DeepClone(),
            ["prev"] = record.Prev,
            ["hash"] = record.Hash,
        };
    }

    /// <summary>
    /// The first break in a run of consecutive records that starts after <paramref name="prev"/>: a record whose hash does
    /// not match its fields (changed), whose prev is not the previous hash (removed, reordered, inserted), or whose
    /// sequence number does not follow; null when the run is intact.
    /// </summary>
    public static EvidenceBreak? FirstBreak(IReadOnlyList<EvidenceRecord> records, string prev)
    {
        ArgumentNullException.ThrowIfNull(records);
        long? expected = null;
        foreach (var r in records)
        {
            if (expected is { } e && r.Seq != e)
                return new EvidenceBreak(r.Seq, r.Seq > e ? $"record {e} is missing (removed)" : $"record {r.Seq} is out of order (expected {e})");
            if (Recompute(r) != r.Hash) return new EvidenceBreak(r.Seq, $"record {r.Seq} was changed (its hash does not match its fields)");
            if (r.Prev != prev) return new EvidenceBreak(r.Seq, $"record {r.Seq} does not follow the previous record (prev {r.Prev}, expected {prev})");
            prev = r.Hash;
            expected = r.Seq + 1;
        }
        return null;
    }
}
