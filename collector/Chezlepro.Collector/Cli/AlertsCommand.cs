using System.Text.Json;

namespace Chezlepro.Collector.Cli;

/// <summary><c>alerts [--state raised|cleared|all]</c> (<c>GET /api/v1/alerts</c>): the NOC's alerts, text in the reader's language.</summary>
public static class AlertsCommand
{
    private static readonly string[] States = ["raised", "cleared", "all"];

    /// <summary>Parses the words after <c>alerts</c>.</summary>
    public static CliRequest Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.NoMoreThan(1);
        var state = args.Option("state");
        if (state is not null && !States.Contains(state)) throw new CliUsageException($"--state = '{state}': {string.Join('|', States)}");
        return new CliRequest(HttpMethod.Get, "/api/v1/alerts" + (state is null ? "" : "?state=" + state), null, Render);
    }

    /// <summary>One row per alert.</summary>
    public static CliTable Render(JsonElement alerts, CliFormat f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new CliTable()
            .Column(f.Label("priorité", "priority", "priority"))
            .Column(f.Label("état", "state", "state"))
            .Column(f.Label("site", "site", "site"))
            .Column(f.Label("nœud", "node", "node"))
            .Column(f.Label("depuis", "since", "ts"))
            .Column(f.Label("instable", "flapping", "flapping"))
            .Column(f.Label("id", "id", "id"))
            .Column(f.Label("résumé", "summary", "summary"))
            .WhenEmpty(f.Text("Aucune alerte.", "No alert."));
        foreach (var a in alerts.Items())
        {
            var state = a.Str("state");
            if (f.French && !f.Tsv) state = state switch { "raised" => "levée", "cleared" => "résolue", _ => state };
            t.Row(f.Free(a.Str("priority")), f.Free(state), f.Free(a.Str("site")), f.Free(a.Str("node")), f.Instant(a.Time("ts")),
                f.Bool(a.Bool("flapping")), f.Free(a.Str("id")), f.Free(f.French ? a.Str("summary") : a.Str("summaryEn") ?? a.Str("summary")));
        }
        return t;
    }
}
