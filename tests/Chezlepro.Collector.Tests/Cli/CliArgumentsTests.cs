using Chezlepro.Collector.Cli;
using Xunit;

namespace Chezlepro.Collector.Tests.Cli;

/// <summary>Parsing the operator commands into API calls: every bad input is a usage error naming what is wrong.</summary>
public sealed class CliArgumentsTests
{
    private static CliRequest Parse(params string[] args)
    {
        var a = CliArguments.Parse(args);
        return a.Words[0] switch
        {
            "sla" => SlaCommand.Parse(a),
            "incidents" => IncidentsCommand.Parse(a),
            "maintenance" => MaintenanceCommand.Parse(a),
            "month" => MonthCommand.Parse(a),
            "failover" => FailoverCommand.Parse(a),
            "delivery" => DeliveryCommand.Parse(a),
            "alerts" => AlertsCommand.Parse(a),
            _ => throw new InvalidOperationException(),
        };
    }

    [Theory]
    [InlineData("GET", "/api/v1/sla/2026-10", "sla", "show", "2026-10")]
    [InlineData("POST", "/api/v1/sla/2026-10/close", "month", "close", "2026-10")]
    [InlineData("GET", "/api/v1/incidents", "incidents")]
    [InlineData("GET", "/api/v1/incidents?status=open", "incidents", "list", "--status", "open")]
    [InlineData("POST", "/api/v1/incidents/mail-20261010T080000Z/ack", "incidents", "ack", "mail-20261010T080000Z")]
    [InlineData("POST", "/api/v1/incidents/a%2Fb/ack", "incidents", "ack", "a/b")]
    [InlineData("GET", "/api/v1/maintenance", "maintenance", "list")]
    [InlineData("GET", "/api/v1/failover", "failover", "show")]
    [InlineData("POST", "/api/v1/failover/public-web/confirm", "failover", "confirm", "public-web")]
    [InlineData("POST", "/api/v1/failover/public-web/failback", "failover", "failback", "public-web")]
    [InlineData("GET", "/api/v1/sites/lanaudiere/nodes/pve1/delivery", "delivery", "lanaudiere/pve1")]
    [InlineData("GET", "/api/v1/alerts?state=raised", "alerts", "--state=raised")]
    public void Commands_MapToTheContractRoutes(string method, string path, params string[] args)
    {
        var r = Parse(args);
        Assert.Equal(method, r.Method.Method);
        Assert.Equal(path, r.Path);
    }

    [Theory]
    [InlineData("Mois invalide / Bad month: '2026-13'", "sla", "show", "2026-13")]
    [InlineData("Mois invalide / Bad month: 'octobre'", "month", "close", "octobre")]
    [InlineData("Argument manquant / Missing argument: yyyy-MM", "sla", "show")]
    [InlineData("Sous-commande inconnue / Unknown subcommand: sla list", "sla", "list", "2026-10")]
    [InlineData("Argument en trop / Unexpected argument: extra", "sla", "show", "2026-10", "extra")]
    [InlineData("Nœud invalide / Bad node: 'lanaudiere'", "delivery", "lanaudiere")]
    [InlineData("Nœud invalide / Bad node: 'Lanaudiere/pve1'", "delivery", "Lanaudiere/pve1")]
    [InlineData("Nœud invalide / Bad node: 'a/b/c'", "delivery", "a/b/c")]
    [InlineData("Argument manquant / Missing argument: <group>", "failover", "confirm")]
    [InlineData("--status = 'closed'", "incidents", "list", "--status", "closed")]
    [InlineData("--state = 'open'", "alerts", "--state", "open")]
    [InlineData("Option inconnue / Unknown option: --key", "alerts", "--key", "secret")]
    [InlineData("Valeur manquante / Missing value: --state", "alerts", "--state")]
    [InlineData("--lang = 'de'", "alerts", "--lang", "de")]
    [InlineData("--tsv et --json s’excluent", "alerts", "--tsv", "--json")]
    public void BadInput_UsageError_SaysWhat(string expected, params string[] args)
    {
        var ex = Assert.Throws<CliUsageException>(() => Parse(args));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaintenanceAdd_LocalTimesAreToronto_ServicesSplit_BodyAsTheApiTakesIt()
    {
        var r = Parse("maintenance", "add", "--service", "mail,web", "--service", "dns", "--from", "2026-12-10 22:00", "--to", "2026-12-11T05:30Z",
            "--reason", "Mise à jour", "--id", "mw-7");
        Assert.Equal("POST", r.Method.Method);
        using var body = System.Text.Json.JsonDocument.Parse(r.Body!);
        // 22:00 EST (UTC−5) on 10 December.
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 3, 0, 0, TimeSpan.Zero), body.RootElement.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 5, 30, 0, TimeSpan.Zero), body.RootElement.GetProperty("end").GetDateTimeOffset());
        Assert.Equal(["mail", "web", "dns"], body.RootElement.GetProperty("services").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal("Mise à jour", body.RootElement.GetProperty("reason").GetString());
        Assert.Equal("mw-7", body.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("Option requise / Required option: --service", "--from", "2026-12-10 22:00", "--to", "2026-12-10 23:00", "--reason", "x")]
    [InlineData("Option requise / Required option: --reason", "--service", "mail", "--from", "2026-12-10 22:00", "--to", "2026-12-10 23:00")]
    [InlineData("Option requise / Required option: --to", "--service", "mail", "--from", "2026-12-10 22:00", "--reason", "x")]
    [InlineData("--from = 'demain': heure invalide", "--service", "mail", "--from", "demain", "--to", "2026-12-10 23:00", "--reason", "x")]
    [InlineData("--from = '2026-12-10'", "--service", "mail", "--from", "2026-12-10", "--to", "2026-12-10 23:00", "--reason", "x")]
    [InlineData("--to doit suivre --from", "--service", "mail", "--from", "2026-12-10 22:00", "--to", "2026-12-10 21:00", "--reason", "x")]
    public void MaintenanceAdd_BadInput_UsageError(string expected, params string[] options)
    {
        var ex = Assert.Throws<CliUsageException>(() => Parse(["maintenance", "add", .. options]));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:8090/")]
    [InlineData("https://noc.example.org/chezlepro", "https://noc.example.org/chezlepro")]
    public void Url_DefaultOrGiven(string? given, string expected) => Assert.Equal(expected, OperatorCli.Url(given).ToString());

    [Theory]
    [InlineData("ftp://host")]
    [InlineData("127.0.0.1:8090")]
    [InlineData("http://host/?x=1")]
    public void Url_Bad_UsageError(string given) => Assert.Throws<CliUsageException>(() => OperatorCli.Url(given));
}
