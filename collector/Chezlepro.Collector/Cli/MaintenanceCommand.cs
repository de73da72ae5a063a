using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Calendar;

namespace Chezlepro.Collector.Cli;

/// <summary>
/// <c>maintenance list</c> (<c>GET /api/v1/maintenance</c>) and
/// <c>maintenance add --service S[,S…] --from T --to T --reason R [--id I]</c> (<c>POST</c>, operator). A time without
/// an offset is local to America/Toronto, the zone the months are measured in (what an operator in Québec types).
/// </summary>
public static class MaintenanceCommand
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>Parses the words after <c>maintenance</c>.</summary>
    public static CliRequest Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.Words.Count > 1 ? args.Words[1] : "list")
        {
            case "list":
                args.NoMoreThan(2);
                return new CliRequest(HttpMethod.Get, "/api/v1/maintenance", null, Render);
            case "add":
                args.NoMoreThan(2);
                return new CliRequest(HttpMethod.Post, "/api/v1/maintenance", Body(args), Render);
            case var verb:
                throw new CliUsageException($"Sous-commande inconnue / Unknown subcommand: maintenance {verb}");
        }
    }

    /// <summary>A time as typed: RFC 3339 with an offset, or <c>yyyy-MM-dd HH:mm</c> local to America/Toronto.</summary>
    public static DateTimeOffset Time(string option, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new CliUsageException($"Option requise / Required option: --{option}");
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return LocalTime.ToInstant(local, LocalTime.Toronto);
        if (text.Length > 16 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant;
        throw new CliUsageException($"--{option} = '{text}': heure invalide / bad time (yyyy-MM-dd HH:mm, heure de Montréal / Montréal time, ou/or RFC 3339)");
    }

    private static string Body(CliArguments args)
    {
        var services = args.Options("service");
        if (services.Count == 0) throw new CliUsageException("Option requise / Required option: --service");
        var from = Time("from", args.Option("from"));
        var to = Time("to", args.Option("to"));
        if (to <= from) throw new CliUsageException("--to doit suivre --from / --to must be after --from");
        var reason = args.Option("reason");
        if (string.IsNullOrWhiteSpace(reason)) throw new CliUsageException("Option requise / Required option: --reason");
        var body = new JsonObject
        {
            ["start"] = from.ToString("O", CultureInfo.InvariantCulture),
            ["end"] = to.ToString("O", CultureInfo.InvariantCulture),
            ["services"] = new JsonArray(services.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
            ["reason"] = reason,
        };
        if (args.Option("id") is { } id) body["id"] = id;
        return body.ToJsonString();
    }

    /// <summary>One row per window (the answer of a POST is one window).</summary>
    public static CliTable Render(JsonElement windows, CliFormat f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new CliTable()
            .Column(f.Label("id", "id", "id"))
            .Column(f.Label("services", "services", "services"))
            .Column(f.Label("début", "start", "start"))
            .Column(f.Label("fin", "end", "end"))
            .Column(f.Label("terminée tôt", "ended early", "ended_early_at"))
            .Column(f.Label("raison", "reason", "reason"))
            .WhenEmpty(f.Text("Aucune fenêtre de maintenance.", "No maintenance window."));
        IEnumerable<JsonElement> list = windows.ValueKind == JsonValueKind.Object ? [windows] : windows.Items();
        foreach (var w in list)
        {
            t.Row(f.Free(w.Str("id")), f.Free(string.Join(',', w.Items("services").Select(s => s.GetString()))),
                f.Instant(w.Time("start")), f.Instant(w.Time("end")), f.Instant(w.Time("endedEarlyAt")), f.Free(w.Str("reason")));
        }
        return t;
    }
}
