using System.Text.Json;

namespace Chezlepro.Collector.Cli;

/// <summary>
/// <c>failover show</c> (<c>GET /api/v1/failover</c>), <c>failover confirm &lt;group&gt;</c> and
/// <c>failover failback &lt;group&gt;</c> (<c>POST /api/v1/failover/{group}/confirm|failback</c>, operator).
/// </summary>
public static class FailoverCommand
{
    /// <summary>Parses the words after <c>failover</c>.</summary>
    public static CliRequest Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.Words.Count > 1 ? args.Words[1] : "show")
        {
            case "show":
                args.NoMoreThan(2);
                return new CliRequest(HttpMethod.Get, "/api/v1/failover", null, RenderGroups);
            case "confirm" or "failback":
                var group = args.Word(2, "<group>");
                args.NoMoreThan(3);
                return new CliRequest(HttpMethod.Post, $"/api/v1/failover/{Uri.EscapeDataString(group)}/{args.Words[1]}", null, RenderDecision);
            case var verb:
                throw new CliUsageException($"Sous-commande inconnue / Unknown subcommand: failover {verb}");
        }
    }

    /// <summary>One row per group.</summary>
    public static CliTable RenderGroups(JsonElement groups, CliFormat f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new CliTable()
            .Column(f.Label("groupe", "group", "group"))
            .Column(f.Label("actif", "active", "active"))
            .Column(f.Label("primaire", "primary", "primary"))
            .Column(f.Label("secondaire", "secondary", "secondary"))
            .Column(f.Label("époque", "epoch", "epoch"), rightAligned: true)
            .Column(f.Label("mode", "mode", "mode"))
            .Column(f.Label("état", "state", "state"))
            .Column(f.Label("en attente", "pending", "pending_active"))
            .WhenEmpty(f.Text("Aucun groupe de bascule.", "No failover group."));
        foreach (var g in groups.Items())
        {
            t.Row(f.Free(g.Str("group")), f.Free(g.Str("active")), f.Free(g.Str("primary")), f.Free(g.Str("secondary")),
                f.Integer(g.Long("epoch") ?? 0), f.Free(g.Str("mode")), f.Free(g.Str("state")),
                f.Free(g.Obj("pending").Obj("decision").Str("active")));
        }
        return t;
    }

    /// <summary>The decision just taken.</summary>
    public static CliTable RenderDecision(JsonElement record, CliFormat f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var d = record.Obj("decision");
        return new CliTable()
            .Column(f.Label("groupe", "group", "group"))
            .Column(f.Label("actif", "active", "active"))
            .Column(f.Label("précédent", "previous", "previous"))
            .Column(f.Label("époque", "epoch", "epoch"), rightAligned: true)
            .Column(f.Label("mode", "mode", "mode"))
            .Column(f.Label("décidé", "decided", "decided_at"))
            .Column(f.Label("raison", "reason", "reason"))
            .Row(f.Free(d.Str("group")), f.Free(d.Str("active")), f.Free(d.Str("previous")), f.Integer(d.Long("epoch") ?? 0),
                f.Free(d.Str("mode")), f.Instant(d.Time("decidedAt")), f.Free(d.Str("reason")));
    }
}
