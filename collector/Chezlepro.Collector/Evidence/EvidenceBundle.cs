using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// A self-contained, verifiable piece of the journal (format in Evidence/README.md): a consecutive run of the chain,
/// the prev of its first record, and the daily heads that fall inside it. For a client, the other clients' records in
/// the run are stubs (sequence number, prev and hash only), so the chain has no hole and nothing of theirs is shown.
/// </summary>
/// <param name="Client">The client it was made for, or null (every record in full).</param>
/// <param name="From">Start of the period asked for.</param>
/// <param name="To">End of the period asked for (exclusive).</param>
/// <param name="Prev">The prev of the first item (genesis, or the hash of the last record before it).</param>
/// <param name="Items">The run, in chain order.</param>
/// <param name="Heads">The daily heads whose record is in the run.</param>
public sealed record EvidenceBundle(string? Client, DateTimeOffset From, DateTimeOffset To, string Prev,
    IReadOnlyList<EvidenceBundleItem> Items, IReadOnlyList<EvidenceHead> Heads)
{
    /// <summary>The bundle of a run of records: records <paramref name="visible"/> accepts in full, the others as stubs.</summary>
    public static EvidenceBundle Of(string? client, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<EvidenceRecord> run,
        Func<EvidenceRecord, bool> visible, IEnumerable<EvidenceHead> heads)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(heads);
        var items = run.Select(r => new EvidenceBundleItem(r.Seq, r.Prev, r.Hash, visible(r) ? r : null)).ToList();
        var inRun = items.Count == 0 ? [] : heads.Where(h => h.Records >= items[0].Seq && h.Records <= items[^1].Seq).OrderBy(h => h.Records).ToList();
        return new EvidenceBundle(client, from, to, run.Count == 0 ? EvidenceCanonical.Genesis : run[0].Prev, items, inRun);
    }

    /// <summary>The first line: what the bundle covers (the other lines follow it, one JSON object each).</summary>
    public JsonObject Header() => new()
    {
        ["type"] = "bundle",
        ["schema"] = 1,
        ["client"] = Client,
        ["from"] = EvidenceCanonical.FormatAt(From),
        ["to"] = EvidenceCanonical.FormatAt(To),
        ["first"] = Items.Count == 0 ? null : Items[0].Seq,
        ["last"] = Items.Count == 0 ? null : Items[^1].Seq,
        ["prev"] = Prev,
    };

    /// <summary>One line per item: a record with its hash, or a stub.</summary>
    public static JsonObject Line(EvidenceBundleItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Record is { } r)
        {
            var line = EvidenceChain.ToJson(r);
            line["type"] = "record";
            return line;
        }
        return new JsonObject { ["type"] = "stub", ["seq"] = item.Seq, ["prev"] = item.Prev, ["hash"] = item.Hash };
    }

    /// <summary>One line per head.</summary>
    public static JsonObject Line(EvidenceHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return new JsonObject
        {
            ["type"] = "head",
            ["date"] = head.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["records"] = head.Records,
            ["head"] = head.Head,
        };
    }

    /// <summary>The bundle as JSON lines (UTF-8 file content), every line in canonical form.</summary>
    public string ToJsonLines()
    {
        var text = new StringBuilder();
        AppendLine(text, Header());
        foreach (var item in Items) AppendLine(text, Line(item));
        foreach (var head in Heads) AppendLine(text, Line(head));
        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, JsonObject line) =>
        text.Append(Encoding.UTF8.GetString(EvidenceCanonical.Encode(line))).Append('\n');
}
