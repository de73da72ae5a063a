using System.Text.Json;
using Chezlepro.Collector.Calendar;

namespace Chezlepro.Collector.Cli;

/// <summary><c>sla show yyyy-MM</c>: per contract, availability against the objective and the credit (<c>GET /api/v1/sla/{month}</c>).</summary>
public static class SlaCommand
{
    /// <summary>Parses the words after <c>sla</c>.</summary>
    public static CliRequest Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args.Word(1, "show");
        if (verb != "show") throw new CliUsageException($"Sous-commande inconnue / Unknown subcommand: sla {verb}");
        var month = Month(args.Word(2, "yyyy-MM"));
        args.NoMoreThan(3);
        return new CliRequest(HttpMethod.Get, $"/api/v1/sla/{month}", null, Render);
    }

    /// <summary>A month as the API takes it, or a usage error.</summary>
    public static string Month(string text) => MonthPeriod.TryParse(text, out _)
        ? text
        : throw new CliUsageException($"Mois invalide / Bad month: '{text}' (yyyy-MM, ex. 2026-10)");

    /// <summary>One row per contract of an SLA report (also the answer of <c>month close</c>).</summary>
    public static CliTable Render(JsonElement report, CliFormat f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new CliTable()
            .Column(f.Label("mois", "month", "month"))
            .Column(f.Label("contrat", "contract", "contract"))
            .Column(f.Label("client", "client", "client"))
            .Column(f.Label("disponibilité", "availability", "availability"), rightAligned: true)
            .Column(f.Label("objectif", "objective", "objective"), rightAligned: true)
            .Column(f.Label("écart", "shortfall", "shortfall"), rightAligned: true)
            .Column(f.Label("tranches", "tranches", "tranches"), rightAligned: true)
            .Column(f.Label("crédit", "credit", "credit_pct"), rightAligned: true)
            .Column(f.Label("montant", "amount", "credit_amount"), rightAligned: true);
        if (f.Tsv) t.Column("currency");
        t.WhenEmpty(f.Text("Aucun contrat pour ce mois.", "No contract in this month."));
        var month = report.Str("month") ?? "";
        if (!f.Tsv && !report.Bool("complete"))
            t.Line(f.Text($"{month}\u00a0: mois en cours, chiffres provisoires au {f.Instant(report.Time("computedAt"))}.",
                $"{month}: month in progress, provisional figures as of {f.Instant(report.Time("computedAt"))}."));
        foreach (var c in report.Items("contracts"))
        {
            var currency = c.Str("currency") ?? "";
            var cells = new List<string>
            {
                month, f.Free(c.Str("contractId")), f.Free(c.Str("client")), f.Percent(c.Dec("availability")),
                f.ShortPercent(c.Dec("objective") ?? 0), f.Points(c.Dec("shortfall") ?? 0), f.Integer(c.Long("tranches") ?? 0),
                f.ShortPercent(c.Dec("creditPercent") ?? 0), f.Money(c.Dec("creditAmount") ?? 0, currency),
            };
            if (f.Tsv) cells.Add(currency);
            t.Row([.. cells]);
        }
        return t;
    }
}
