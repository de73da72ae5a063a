using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary>The service-level API through WebApplicationFactory: roles, OpenAPI, SLA JSON = CSV, close, maintenance.</summary>
public sealed partial class ServiceLevelsApiTests : IAsyncLifetime
{
    private const string Reader = "reader-key-0123456789abcdef";
    private static readonly string[] MailOnly = ["mail"];
    private static readonly string[] Nope = ["nope"];
    private const string Operator = "operator-key-0123456789abcd";
    private readonly string _dir = Directory.CreateTempSubdirectory("api-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero));
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Collector:DataDirectory"] = _dir, ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Logging:File:Enabled"] = "false",
            ["Api:Keys:0:Key"] = Reader, ["Api:Keys:0:Role"] = "reader", ["Api:Keys:1:Key"] = Operator, ["Api:Keys:1:Role"] = "operator",
            ["Catalog:Services:0:Id"] = "mail", ["Catalog:Services:0:Name"] = "Courriel", ["Catalog:Services:0:Category"] = "critical",
            ["Catalog:Services:0:StalenessLimit"] = "01:00:00",
            ["Catalog:Services:0:Checks:0:Site"] = "ovh", ["Catalog:Services:0:Checks:0:Node"] = "proxy1", ["Catalog:Services:0:Checks:0:Check"] = "probe.mail",
            ["Catalog:Contracts:0:Id"] = "obnl-a", ["Catalog:Contracts:0:Client"] = "OBNL A", ["Catalog:Contracts:0:Services:0"] = "mail",
            ["Catalog:Contracts:0:MonthlyFee"] = "150.00", ["Catalog:Contracts:0:Currency"] = "CAD", ["Catalog:Contracts:0:Objective"] = "99.5",
            ["Catalog:Contracts:0:UnknownCountsAsDown"] = "true", ["Catalog:Contracts:0:Start"] = "2026-01-01",
        };
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (k, v) in settings) b.UseSetting(k, v);
            b.ConfigureServices(s => s.AddSingleton<TimeProvider>(_time));
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Roles_NoKey401_Reader403OnPost_OperatorAllowed()
    {
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/sla/2026-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/incidents")).StatusCode);
        using var reader = Client(Reader);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/rpo")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/v1/sla/2026-10/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/v1/maintenance", new { })).StatusCode);
        using var wrong = Client("not-a-key-at-all-000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/sites")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Served_ListsTheContractRoutes()
    {
        var doc = await _factory.CreateClient().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/sites", "/api/v1/availability", "/api/v1/sla/{month}", "/api/v1/sla/{month}/close", "/api/v1/incidents", "/api/v1/rpo", "/api/v1/maintenance" })
            Assert.Contains($"\"{path}\"", doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sla_FourHourOutageInOctober_CreditOneTranche_CsvMatchesJson_CloseFreezes()
    {
        await SeedOutageAsync(new DateTimeOffset(2026, 10, 10, 8, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(4));
        using var reader = Client(Reader);
        var json = await reader.GetFromJsonAsync<JsonElement>("/api/v1/sla/2026-10");
        var contract = json.GetProperty("contracts")[0];
        // 4 h down in a 744 h month: 99.462 %, shortfall 0.038 → one started tranche → 5 % of 150.00 CAD.
        Assert.Equal(99.462m, contract.GetProperty("availability").GetDecimal());
        Assert.Equal(1, contract.GetProperty("tranches").GetInt32());
        Assert.Equal(5m, contract.GetProperty("creditPercent").GetDecimal());
        Assert.Equal(7.50m, contract.GetProperty("creditAmount").GetDecimal());

        var csv = await reader.GetStringAsync("/api/v1/sla/2026-10?format=csv");
        Assert.Contains("obnl-a", csv, StringComparison.Ordinal);
        Assert.Contains("99.462", csv, StringComparison.Ordinal);
        Assert.Contains("7.50", csv, StringComparison.Ordinal);
        Assert.StartsWith("month,contract,", csv, StringComparison.Ordinal);
        var french = await reader.GetStringAsync("/api/v1/sla/2026-10?format=csv&lang=fr");
        Assert.StartsWith("mois,contrat,", french, StringComparison.Ordinal);
        Assert.Equal(csv[csv.IndexOf('\n', StringComparison.Ordinal)..], french[french.IndexOf('\n', StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/api/v1/sla/2026-10?format=csv&lang=de")).StatusCode);

        using var op = Client(Operator);
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsync("/api/v1/sla/2026-10/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsync("/api/v1/sla/2026-10/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsync("/api/v1/sla/2026-11/close", null)).StatusCode);

        // Late data for October after the close (new seqs: the first seeding used about 1,500, and a repeated seq
        // would be a duplicate, never stored): the figures computed now move, the frozen report does not.
        await SeedOutageAsync(new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(10), firstSeq: 100_000);
        var timeline = await reader.GetFromJsonAsync<JsonElement>("/api/v1/availability/mail/timeline?month=2026-10");
        Assert.True(timeline.GetProperty("availability").GetDecimal() < 99.462m);
        var after = await reader.GetFromJsonAsync<JsonElement>("/api/v1/sla/2026-10");
        Assert.Equal(99.462m, after.GetProperty("contracts")[0].GetProperty("availability").GetDecimal());
    }

    [Fact]
    public async Task Maintenance_AnnouncedThenStarted_CannotBeRewritten_CanEndEarly()
    {
        using var op = Client(Operator);
        var start = _time.GetUtcNow().AddHours(1);
        var created = await op.PostAsJsonAsync("/api/v1/maintenance", new { id = "mw-1", start, end = start.AddHours(2), services = MailOnly, reason = "Mise à jour" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unknown = await op.PostAsJsonAsync("/api/v1/maintenance", new { id = "mw-2", start, end = start.AddHours(2), services = Nope, reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        _time.Advance(TimeSpan.FromMinutes(90));
        var rewrite = await op.PostAsJsonAsync("/api/v1/maintenance", new { id = "mw-1", start, end = start.AddHours(5), services = MailOnly, reason = "plus long" });
        Assert.Equal(HttpStatusCode.Conflict, rewrite.StatusCode);
        var ended = await op.PostAsJsonAsync("/api/v1/maintenance", new { id = "mw-1", endNow = true });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var list = await Client(Reader).GetFromJsonAsync<JsonElement>("/api/v1/maintenance");
        Assert.Equal(_time.GetUtcNow(), list[0].GetProperty("endedEarlyAt").GetDateTimeOffset());
    }

    private HttpClient Client(string key)
    {
        var c = _factory.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return c;
    }

    private async Task SeedOutageAsync(DateTimeOffset down, TimeSpan length, long firstSeq = 1)
    {
        _ = _factory.Server;
        var store = _factory.Services.GetRequiredService<ICollectorStore>();
        var seq = firstSeq;
        async Task Result(DateTimeOffset ts, HealthStatus status)
        {
            var r = new HealthResult { Site = "ovh", Node = "proxy1", Seq = seq++, Ts = ts, Check = "probe.mail", Status = status, Summary = status.ToString() };
            Assert.Equal(StoreOutcome.Inserted, await store.StoreOneAsync(IngestItems.Of(r), ts));
        }
        // One result every 30 min (staleness limit 1 h) around the month: ok, then the outage, then ok again.
        for (var t = new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.Zero); t <= new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero); t += TimeSpan.FromMinutes(30))
        {
            if (firstSeq > 1 && (t < down.AddHours(-1) || t > down + length + TimeSpan.FromHours(1))) continue;
            await Result(t, t >= down && t < down + length ? HealthStatus.Critical : HealthStatus.Ok);
        }
    }
}
