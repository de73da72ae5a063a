using System.Text.Json;

namespace Chezlepro.Collector.Cli;

/// <summary>
/// <c>incidents list [--status open|acknowledged|restored|active|all]</c> (<c>GET /api/v1/incidents</c>) and
/// <c>incidents ack &lt;id&gt;</c> (<c>POST /api/v1/incidents/{id}/ack</c>, operator).
/// </summary>
public static class IncidentsCommand
{
    private static readonly string[] Statuses = ["open", "acknowledged", "restored", "active", "all"];

    /// <summary>Parses the words after <c>incidents</c>.</summary>
    public static CliRequest Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.Words.Count > 1 ? args.Words[1] : "list")
        {
            case "list":
                args.NoMoreThan(2);
                var status = args.Option("status");
                if (status is not null && !Statuses.Contains(status))
                    throw new CliUsageException($"--status = '{status}': {string.Join('|', Statuses)}");
                return new CliRequest(HttpMethod.Get, "/api/v1/incidents" + (status is null ? "" : "?status=" + status), null, Render);
            case "ack":
                var id = args.Word(2, "<id>");
                args.NoMoreThan(3);
                return new CliRequest(HttpMethod.Post, $"/api/v1/incidents/{Uri.EscapeDataString(id)}/ack", null, Render);
            case "notice" or "notices":
                return NoticeCommand.Parse(args);
            case var verb:
                throw new CliUsageException($"Sous-commande inconnue / Unknown subcommand: incidents {verb}");
        }
    }

    /// <summary>One row per incident.</summary>
    public static CliTable Render(JsonElement incidents, CliFormat f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new CliTable()
            .Column(f.Label("id", "id", "id"))
            .Column(f.Label("service", "service", "service"))
            .Column(f.Label("priorité", "priority", "priority"))
            .Column(f.Label("état", "status", "status"))
            .Column(f.Label("détecté", "detected", "detected_at"))
            .Column(f.Label("pris en charge", "acknowledged", "acknowledged_at"))
            .Column(f.Label("rétabli", "restored", "restored_at"))
            .Column(f.Label("cibles dépassées", "targets missed", "breaches"))
            .WhenEmpty(f.Text("Aucun incident.", "No incident."));
        foreach (var i in incidents.Items())
        {
            var breaches = new List<string>();
            if (i.Bool("acknowledgeBreached")) breaches.Add(f.Tsv ? "acknowledge" : f.Text("prise en charge", "acknowledge"));
            if (i.Bool("restoreBreached")) breaches.Add(f.Tsv ? "restore" : f.Text("rétablissement", "restore"));
            t.Row(f.Free(i.Str("id")), f.Free(i.Str("serviceId")), f.Free(i.Str("priority")), Status(i.Str("status"), f),
                f.Instant(i.Time("detectedAt")), f.Instant(i.Time("acknowledgedAt")), f.Instant(i.Time("restoredAt")),
                breaches.Count == 0 ? (f.Tsv ? "" : "—") : string.Join(f.Tsv ? "," : ", ", breaches));
        }
        return t;
    }

    private static string Status(string? status, CliFormat f) => f.Tsv || !f.French ? f.Free(status) : status switch
    {
        "open" => "ouvert",
        "acknowledged" => "pris en charge",
        "restored" => "rétabli",
        _ => f.Free(status),
    };
}
