using System.Text.Json;
using Chezlepro.Collector.Cli;
using Xunit;

namespace Chezlepro.Collector.Tests.Cli;

/// <summary>What the commands print: French by default (client report's numbers), English on request, TSV for scripts.</summary>
public sealed class CliFormattingTests
{
    private const char Nbsp = '\u00a0';

    private const string Sla = """
        { "month": "2026-10", "complete": true, "computedAt": "2026-11-21T14:00:00Z", "contracts": [
          { "contractId": "obnl-a", "client": "OBNL A", "availability": 99.462, "objective": 99.5, "shortfall": 0.038,
            "tranches": 1, "creditPercent": 5, "creditAmount": 7.5, "currency": "CAD" },
          { "contractId": "coop-b", "client": "Coop\tB", "availability": null, "objective": 99.9, "shortfall": 0,
            "tranches": 0, "creditPercent": 0, "creditAmount": 0, "currency": "CAD" } ] }
        """;

    private static string Print(Func<JsonElement, CliFormat, CliTable> render, string json, bool tsv, bool french)
    {
        using var w = new StringWriter();
        render(JsonSerializer.Deserialize<JsonElement>(json), new CliFormat(tsv, french)).Write(w, tsv);
        return w.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Sla_French_AlignedColumns_FrenchNumbers()
    {
        var lines = Print(SlaCommand.Render, Sla, tsv: false, french: true).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("mois     contrat  client  disponibilité  objectif  écart  tranches  crédit  montant", lines[0], StringComparison.Ordinal);
        Assert.Contains($"99,462{Nbsp}%", lines[1], StringComparison.Ordinal);
        Assert.Contains($"99,5{Nbsp}%", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($"7,50{Nbsp}$", lines[1], StringComparison.Ordinal);
        Assert.Contains("—", lines[2], StringComparison.Ordinal);
        // Right-aligned figures: every row is as long as the header's columns allow, the amounts end in one column.
        Assert.Equal(lines[1].Length, lines[2].Length);
    }

    [Fact]
    public void Sla_English()
    {
        var text = Print(SlaCommand.Render, Sla, tsv: false, french: false);
        Assert.Contains("availability", text, StringComparison.Ordinal);
        Assert.Contains("99.462%", text, StringComparison.Ordinal);
        Assert.Contains("$7.50", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sla_Tsv_OneHeader_InvariantNumbers_TabsInTextFlattened()
    {
        var lines = Print(SlaCommand.Render, Sla, tsv: true, french: true).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("month\tcontract\tclient\tavailability\tobjective\tshortfall\ttranches\tcredit_pct\tcredit_amount\tcurrency", lines[0]);
        Assert.Equal("2026-10\tobnl-a\tOBNL A\t99.462\t99.5\t0.038\t1\t5\t7.50\tCAD", lines[1]);
        Assert.Equal("2026-10\tcoop-b\tCoop B\t\t99.9\t0\t0\t0\t0.00\tCAD", lines[2]);
    }

    [Fact]
    public void Sla_OpenMonth_SaysProvisional_PeopleOnly()
    {
        var open = Sla.Replace("\"complete\": true", "\"complete\": false", StringComparison.Ordinal);
        Assert.Contains($"2026-10{Nbsp}: mois en cours, chiffres provisoires au 2026-11-21 09:00.", Print(SlaCommand.Render, open, false, true), StringComparison.Ordinal);
        Assert.DoesNotContain("provisional", Print(SlaCommand.Render, open, true, false), StringComparison.Ordinal);
    }

    [Fact]
    public void Incidents_StatusTranslated_TimesLocal_BreachesNamed()
    {
        const string json = """
            [ { "id": "mail-20261010T080000Z", "serviceId": "mail", "priority": "P1", "status": "acknowledged",
                "detectedAt": "2026-10-10T08:05:00Z", "acknowledgedAt": "2026-10-10T09:00:00Z", "restoredAt": null,
                "acknowledgeBreached": true, "restoreBreached": false } ]
            """;
        var fr = Print(IncidentsCommand.Render, json, false, true);
        Assert.Contains("pris en charge", fr, StringComparison.Ordinal);
        Assert.Contains("2026-10-10 04:05", fr, StringComparison.Ordinal); // EDT, UTC−4
        var tsv = Print(IncidentsCommand.Render, json, true, true).Split('\n');
        Assert.Equal("mail-20261010T080000Z\tmail\tP1\tacknowledged\t2026-10-10T08:05:00Z\t2026-10-10T09:00:00Z\t\tacknowledge", tsv[1]);
    }

    [Fact]
    public void EmptyLists_SaySo_TsvKeepsItsHeader()
    {
        Assert.Equal("Aucun incident.\n", Print(IncidentsCommand.Render, "[]", false, true));
        Assert.Equal("No maintenance window.\n", Print(MaintenanceCommand.Render, "[]", false, false));
        Assert.Equal("priority\tstate\tsite\tnode\tts\tflapping\tid\tsummary\n", Print(AlertsCommand.Render, "[]", true, true));
    }

    [Fact]
    public void Alerts_SummaryInTheReadersLanguage()
    {
        const string json = """
            [ { "id": "a1", "state": "raised", "priority": "P2", "site": "lanaudiere", "node": "pve1",
                "summary": "Sur batterie", "summaryEn": "On battery", "ts": "2026-12-06T00:00:00Z", "flapping": false } ]
            """;
        Assert.Contains("Sur batterie", Print(AlertsCommand.Render, json, false, true), StringComparison.Ordinal);
        Assert.Contains("levée", Print(AlertsCommand.Render, json, false, true), StringComparison.Ordinal);
        Assert.Contains("On battery", Print(AlertsCommand.Render, json, false, false), StringComparison.Ordinal);
    }

    [Fact]
    public void Delivery_SummaryAndRanges_TsvOneRow()
    {
        const string json = """
            { "site": "lanaudiere", "node": "pve1", "watermark": 1200, "lastReceivedSeq": 1500, "lastReceivedAt": "2026-12-06T00:00:00Z",
              "missing": [ { "from": 10, "to": 19, "count": 10, "explained": true, "reason": "evicted", "since": "2026-12-01T00:00:00Z" },
                           { "from": 1201, "to": 1202, "count": 2, "explained": false, "reason": null, "since": "2026-12-05T00:00:00Z" } ],
              "rejected": { "count": 3, "last": [] } }
            """;
        var fr = Print(DeliveryCommand.Render, json, false, true);
        Assert.Contains($"filigrane (tout stocké jusqu’à){Nbsp}: 1{Nbsp}200", fr, StringComparison.Ordinal);
        Assert.Contains($"manquants{Nbsp}: 2 inexpliqués, 10 expliqués{Nbsp}; rejetés{Nbsp}: 3", fr, StringComparison.Ordinal);
        Assert.Contains("evicted", fr, StringComparison.Ordinal);
        Assert.Equal("site\tnode\twatermark\tlast_received_seq\tlast_received_at\tmissing_unexplained\tmissing_explained\trejected\n"
            + "lanaudiere\tpve1\t1200\t1500\t2026-12-06T00:00:00Z\t2\t10\t3\n", Print(DeliveryCommand.Render, json, true, true));
    }

    [Fact]
    public void Failover_GroupsAndDecision()
    {
        const string groups = """
            [ { "group": "public-web", "primary": "lanaudiere", "secondary": "st-bruno", "active": "lanaudiere", "epoch": 4,
                "mode": "advisory", "state": "awaiting-confirmation", "pending": { "decision": { "active": "st-bruno" } } } ]
            """;
        Assert.Equal("group\tactive\tprimary\tsecondary\tepoch\tmode\tstate\tpending_active\npublic-web\tlanaudiere\tlanaudiere\tst-bruno\t4\tadvisory\tawaiting-confirmation\tst-bruno\n",
            Print(FailoverCommand.RenderGroups, groups, true, true));
        const string record = """
            { "decision": { "group": "public-web", "active": "st-bruno", "previous": "lanaudiere", "epoch": 5, "mode": "operator",
              "reason": "confirmed", "decidedAt": "2026-12-06T00:00:00Z" }, "evidence": {} }
            """;
        Assert.Contains("st-bruno", Print(FailoverCommand.RenderDecision, record, false, true), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"problems\":[\"month = 'x': use yyyy-MM.\"]}", "month = 'x': use yyyy-MM.", "month = 'x': use yyyy-MM.")]
    [InlineData("{\"title\":\"Mois déjà fermé / Month already closed\",\"status\":409}", "Mois déjà fermé", "Month already closed")]
    [InlineData("{\"title\":\"Requête invalide / Invalid request\",\"detail\":\"month = « x » : format aaaa-MM attendu.\",\"detailEn\":\"month = 'x': use yyyy-MM.\",\"problems\":[\"month = 'x': use yyyy-MM.\"]}",
        "Requête invalide — month = « x » : format aaaa-MM attendu.", "Invalid request — month = 'x': use yyyy-MM.")]
    [InlineData("{\"title\":\"T\",\"detail\":\"D\"}", "T — D", "T — D")]
    [InlineData("<html>bad gateway</html>", "<html>bad gateway</html>", "<html>bad gateway</html>")]
    [InlineData("", "BadGateway", "BadGateway")]
    public void ApiError_MessageOfTheProblem_InTheReadersLanguage(string body, string french, string english)
    {
        Assert.Equal(french, CliApiError.Message(body, System.Net.HttpStatusCode.BadGateway, french: true));
        Assert.Equal(english, CliApiError.Message(body, System.Net.HttpStatusCode.BadGateway, french: false));
    }
}
