using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chezlepro.Collector.Cli;

/// <summary>
/// <c>incidents notice &lt;id&gt; --type T --channel C [--sent-at T] [--summary S]</c> (<c>POST /api/v1/incidents/{id}/notices</c>,
/// operator) and <c>incidents notices &lt;id&gt;</c> (the list).
/// </summary>
public static class NoticeCommand
{
    /// <summary>Parses <c>incidents notice …</c> or <c>incidents notices …</c>.</summary>
    public static CliRequest Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var id = args.Word(2, "<id>");
        args.NoMoreThan(3);
        var path = $"/api/v1/incidents/{Uri.EscapeDataString(id)}/notices";
        if (args.Words[1] == "notices") return new CliRequest(HttpMethod.Get, path, null, Render);
        var type = args.Option("type");
        if (string.IsNullOrWhiteSpace(type)) throw new CliUsageException("Option requise / Required option: --type");
        var body = new JsonObject { ["type"] = type, ["channel"] = args.Option("channel") };
        if (args.Option("sent-at") is { } sent) body["sentAt"] = MaintenanceCommand.Time("sent-at", sent).ToString("O", CultureInfo.InvariantCulture);
        if (args.Option("summary") is { } summary) body["summary"] = summary;
        return new CliRequest(HttpMethod.Post, path, body.ToJsonString(), Render);
    }

    /// <summary>One row per notice (the answer of a POST is one notice).</summary>
    public static CliTable Render(JsonElement notices, CliFormat f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new CliTable()
            .Column(f.Label("type", "type", "type"))
            .Column(f.Label("canal", "channel", "channel"))
            .Column(f.Label("envoyé", "sent", "sent_at"))
            .Column(f.Label("auteur", "author", "author"))
            .Column(f.Label("résumé", "summary", "summary"))
            .WhenEmpty(f.Text("Aucun avis.", "No notice."));
        IEnumerable<JsonElement> list = notices.ValueKind == JsonValueKind.Object ? [notices] : notices.Items();
        foreach (var n in list)
            t.Row(f.Free(n.Str("type")), f.Free(n.Str("channel")), f.Instant(n.Time("sentAt")), f.Free(n.Str("author")), f.Free(n.Str("summary")));
        return t;
    }
}
