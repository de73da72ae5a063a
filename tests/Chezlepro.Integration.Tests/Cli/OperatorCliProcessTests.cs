using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Cli;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Sqlite;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing;
using Chezlepro.Testing.Processes;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Chezlepro.Integration.Tests.Cli;

/// <summary>
/// The operator command line as an operator runs it: the real <c>chezlepro-collector</c> binary, once as the service
/// (its SQLite store seeded with a 4 h outage of <c>mail</c> in October 2026) and once per command, with the key in
/// the environment. No broker: the API answers while the MQTT client keeps reconnecting.
/// </summary>
public sealed class OperatorCliProcessTests : IAsyncLifetime
{
    private const string Reader = "cli-reader-key-0123456789abcdef";
    private const string Operator = "cli-operator-key-0123456789abcd";
    private readonly string _dir = Directory.CreateTempSubdirectory("cli-process-").FullName;
    private readonly string _url = $"http://127.0.0.1:{FreePort.Next()}";
    private ServiceProcess _collector = null!;

    public async Task InitializeAsync()
    {
        await SeedAsync();
        var config = new JsonObject
        {
            ["Collector"] = new JsonObject { ["Id"] = "cli", ["DataDirectory"] = _dir, ["Urls"] = _url },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = FreePort.Next() },
            ["Api"] = new JsonObject
            {
                ["Keys"] = new JsonArray(new JsonObject { ["Key"] = Reader, ["Role"] = "reader" }, new JsonObject { ["Key"] = Operator, ["Role"] = "operator" }),
            },
            ["Logging"] = new JsonObject { ["File"] = new JsonObject { ["Enabled"] = false } },
            ["Catalog"] = JsonNode.Parse("""
                { "Services": [ { "Id": "mail", "Name": "Courriel", "Category": "critical", "StalenessLimit": "01:00:00",
                                  "Checks": [ { "Site": "ovh", "Node": "proxy1", "Check": "probe.mail" } ] } ],
                  "Contracts": [ { "Id": "obnl-a", "Client": "OBNL A", "Services": ["mail"], "MonthlyFee": 150.00, "Currency": "CAD",
                                   "Objective": 99.5, "UnknownCountsAsDown": true, "Start": "2026-01-01" } ] }
                """),
        };
        var path = Path.Combine(_dir, "collector.json");
        await File.WriteAllTextAsync(path, config.ToJsonString());
        _collector = new ServiceProcess("chezlepro-collector.dll", path);
        _collector.Start();
        using var http = new HttpClient { BaseAddress = new Uri(_url), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Reader);
        // A first answer slow on a loaded machine is not yet up: asked again until the deadline.
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                return (await http.GetAsync("/api/v1/sites")).IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "collector API up\n" + _collector.Log);
    }

    public async Task DisposeAsync()
    {
        await _collector.StopAsync();
        _collector.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task SlaShow_IncidentsAck_MaintenanceAdd_Delivery_ThroughTheBinary()
    {
        // 4 h down in a 744 h month: 99.462 %, one started tranche, 5 % of 150.00 CAD (the API test's figures).
        var sla = await CliAsync(Reader, "sla", "show", "2026-10", "--tsv");
        Assert.Equal(CliExitCode.Ok, sla.Code);
        Assert.Equal("2026-10\tobnl-a\tOBNL A\t99.462\t99.5\t0.038\t1\t5\t7.50\tCAD", sla.Out.Split('\n')[1]);
        var french = await CliAsync(Reader, "sla", "show", "2026-10");
        Assert.Contains("99,462\u00a0%", french.Out, StringComparison.Ordinal);
        Assert.Contains("7,50\u00a0$", french.Out, StringComparison.Ordinal);

        var incidents = await CliAsync(Reader, "incidents", "list", "--tsv");
        Assert.Equal(CliExitCode.Ok, incidents.Code);
        var row = incidents.Out.Split('\n')[1].Split('\t');
        // Restored on 10 October and never acknowledged: the acknowledgement is still owed (and late).
        Assert.Equal(["mail", "P1", "restored"], row[1..4]);
        Assert.Equal("", row[5]);
        var id = row[0];
        var refused = await CliAsync(Reader, "incidents", "ack", id);
        Assert.Equal(CliExitCode.NoPermission, refused.Code);
        // The CLI shows the half of the bilingual title in its language (French by default).
        Assert.Contains("HTTP 403: Rôle opérateur requis", refused.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Operator role required", refused.Err, StringComparison.Ordinal);
        var refusedEn = await CliAsync(Reader, "incidents", "ack", id, "--lang", "en");
        Assert.Equal(CliExitCode.NoPermission, refusedEn.Code);
        Assert.Contains("HTTP 403: Operator role required", refusedEn.Err, StringComparison.Ordinal);
        var ack = await CliAsync(Operator, "incidents", "ack", id, "--tsv");
        Assert.Equal(CliExitCode.Ok, ack.Code);
        Assert.NotEqual("", ack.Out.Split('\n')[1].Split('\t')[5]);
        var again = await CliAsync(Operator, "incidents", "ack", id);
        Assert.Equal(CliExitCode.ApiError, again.Code);
        Assert.Contains("HTTP 409: Incident déjà pris en charge\n", again.Err, StringComparison.Ordinal);

        var add = await CliAsync(Operator, "maintenance", "add", "--service", "mail", "--from", "2027-01-10 22:00", "--to", "2027-01-11 01:00",
            "--reason", "Mise à jour du serveur", "--id", "mw-cli");
        Assert.Equal(CliExitCode.Ok, add.Code);
        var list = await CliAsync(Reader, "maintenance", "list", "--json");
        var window = JsonSerializer.Deserialize<JsonElement>(list.Out)[0];
        Assert.Equal("mw-cli", window.GetProperty("id").GetString());
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 3, 0, 0, TimeSpan.Zero), window.GetProperty("start").GetDateTimeOffset());
        var unknownService = await CliAsync(Operator, "maintenance", "add", "--service", "nope", "--from", "2027-01-10 22:00", "--to", "2027-01-11 01:00", "--reason", "x");
        Assert.Equal(CliExitCode.ApiError, unknownService.Code);
        Assert.StartsWith("HTTP 400: ", unknownService.Err, StringComparison.Ordinal);

        var delivery = await CliAsync(Reader, "delivery", "ovh/proxy1", "--tsv");
        Assert.Equal(CliExitCode.Ok, delivery.Code);
        var d = delivery.Out.Split('\n')[1].Split('\t');
        Assert.Equal(["ovh", "proxy1"], d[..2]);
        Assert.Equal(SeededResults.ToString(System.Globalization.CultureInfo.InvariantCulture), d[3]);
        var unknownNode = await CliAsync(Reader, "delivery", "ovh/nowhere");
        Assert.Equal(CliExitCode.ApiError, unknownNode.Code);
        Assert.Contains("HTTP 404", unknownNode.Err, StringComparison.Ordinal);

        var wrongKey = await CliAsync("not-a-key-0000000000000000000", "alerts");
        Assert.Equal(CliExitCode.NoPermission, wrongKey.Code);
        Assert.DoesNotContain("not-a-key", wrongKey.Out + wrongKey.Err, StringComparison.Ordinal);
    }

    private int SeededResults { get; set; }

    private async Task<(int Code, string Out, string Err)> CliAsync(string key, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chezlepro-collector.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["CHEZLEPRO_API_KEY"] = key;
        psi.Environment["CHEZLEPRO_URL"] = _url;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, (await output).ReplaceLineEndings("\n"), await errors);
    }

    // One result every 30 min around October 2026, critical from 10 October 08:00 UTC for 4 h.
    private async Task SeedAsync()
    {
        var backend = SqliteStorage.Create(new CollectorOptions { DataDirectory = _dir });
        await using var store = backend.Store;
        await store.InitializeAsync(CancellationToken.None);
        var down = new DateTimeOffset(2026, 10, 10, 8, 0, 0, TimeSpan.Zero);
        var items = new List<IngestItem>();
        long seq = 1;
        for (var t = new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.Zero); t <= new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero); t += TimeSpan.FromMinutes(30))
        {
            var status = t >= down && t < down.AddHours(4) ? HealthStatus.Critical : HealthStatus.Ok;
            var r = new HealthResult { Site = "ovh", Node = "proxy1", Seq = seq++, Ts = t, Check = "probe.mail", Status = status, Summary = status.ToString() };
            items.Add(new IngestItem(new StoredMessage(r.Site, r.Node, r.Seq, TopicKind.Health, r.Check, r.Ts,
                JsonSerializer.Serialize(r, ContractJsonContext.Default.HealthResult)), r));
        }
        foreach (var chunk in items.Chunk(500)) await store.StoreBatchAsync(chunk, chunk[^1].Message!.Ts, CancellationToken.None);
        SeededResults = items.Count;
    }
}
