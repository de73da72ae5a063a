using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chezlepro.Collector.Cli;

/// <summary>
/// <c>delivery &lt;site&gt;/&lt;node&gt;</c> (<c>GET /api/v1/sites/{site}/nodes/{node}/delivery</c>): the watermark and what is
/// missing. People see a summary then one line per missing range; scripts get the summary as one row.
/// </summary>
public static partial class DeliveryCommand
{
    /// <summary>Parses the words after <c>delivery</c>.</summary>
    public static CliRequest Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var target = args.Word(1, "<site>/<node>");
        args.NoMoreThan(2);
        var parts = target.Split('/');
        // contract.md: site and node are [a-z0-9][a-z0-9-]{0,31}.
        if (parts.Length != 2 || !Id().IsMatch(parts[0]) || !Id().IsMatch(parts[1]))
            throw new CliUsageException($"Nœud invalide / Bad node: '{target}' (site/nœud, ex. lanaudiere/pve1)");
        return new CliRequest(HttpMethod.Get, $"/api/v1/sites/{parts[0]}/nodes/{parts[1]}/delivery", null, Render);
    }

    /// <summary>The node's delivery.</summary>
    public static CliTable Render(JsonElement d, CliFormat f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var missing = d.Items("missing").ToList();
        var unexplained = missing.Where(m => !m.Bool("explained")).Sum(m => m.Long("count") ?? 0);
        var explained = missing.Where(m => m.Bool("explained")).Sum(m => m.Long("count") ?? 0);
        var rejected = d.Obj("rejected").Long("count") ?? 0;
        if (f.Tsv)
        {
            return new CliTable().Column("site").Column("node").Column("watermark").Column("last_received_seq").Column("last_received_at")
                .Column("missing_unexplained").Column("missing_explained").Column("rejected")
                .Row(f.Free(d.Str("site")), f.Free(d.Str("node")), f.Integer(d.Long("watermark") ?? 0), f.Integer(d.Long("lastReceivedSeq") ?? 0),
                    f.Instant(d.Time("lastReceivedAt")), f.Integer(unexplained), f.Integer(explained), f.Integer(rejected));
        }
        var t = new CliTable()
            .Line($"{d.Str("site")}/{d.Str("node")}")
            .Line(f.Text($"  filigrane (tout stocké jusqu’à)\u00a0: {f.Integer(d.Long("watermark") ?? 0)}", $"  watermark (all stored up to): {f.Integer(d.Long("watermark") ?? 0)}"))
            .Line(f.Text($"  dernier reçu\u00a0: n° {f.Integer(d.Long("lastReceivedSeq") ?? 0)} à {f.Instant(d.Time("lastReceivedAt"))}",
                $"  last received: seq {f.Integer(d.Long("lastReceivedSeq") ?? 0)} at {f.Instant(d.Time("lastReceivedAt"))}"))
            .Line(f.Text($"  manquants\u00a0: {f.Integer(unexplained)} inexpliqués, {f.Integer(explained)} expliqués\u00a0; rejetés\u00a0: {f.Integer(rejected)}",
                $"  missing: {f.Integer(unexplained)} unexplained, {f.Integer(explained)} explained; rejected: {f.Integer(rejected)}"))
            .Column(f.Text("de", "from"), rightAligned: true)
            .Column(f.Text("à", "to"), rightAligned: true)
            .Column(f.Text("nombre", "count"), rightAligned: true)
            .Column(f.Text("expliqué", "explained"))
            .Column(f.Text("raison", "reason"))
            .Column(f.Text("depuis", "since"))
            .WhenEmpty(f.Text("Rien ne manque.", "Nothing missing."));
        foreach (var m in missing)
        {
            t.Row(f.Integer(m.Long("from") ?? 0), f.Integer(m.Long("to") ?? 0), f.Integer(m.Long("count") ?? 0), f.Bool(m.Bool("explained")),
                f.Free(m.Str("reason")), f.Instant(m.Time("since")));
        }
        return t;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
