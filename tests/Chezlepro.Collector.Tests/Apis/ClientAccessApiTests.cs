using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Collector.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary>
/// The <c>client</c> role on every endpoint of the route table: refused (403) where nothing is client-specific,
/// otherwise only the client's contracts, services, guests and incidents (Apis/README.md lists the decisions).
/// </summary>
public sealed class ClientAccessApiTests : IClassFixture<ClientAccessApiTests.SeededCollector>
{
    private static readonly string[] AlphaAndBeta = ["mail-a", "erp-b"];
    private static readonly string[] BetaOnly = ["erp-b"];
    private static readonly string[] AlphaOnly = ["mail-a"];
    private readonly TwoClientCollector _collector;

    public ClientAccessApiTests(SeededCollector fixture) => _collector = fixture.Collector;

    private enum Decision
    {
        // No key needed; a client key changes nothing.
        Open,
        Refused,
        OperatorOnly,
        Scoped,
    }

    // One line per endpoint of the route table ("METHOD pattern"): a new endpoint without a line fails the test.
    // A Scoped probe must return 200 to the client without any of Beta's text, and show Beta to a reader.
    private static readonly Dictionary<string, (Decision Decision, string[] Probes)> Decisions = new(StringComparer.Ordinal)
    {
        ["GET /openapi/{documentName}.json"] = (Decision.Open, ["/openapi/v1.json"]),
        ["GET /healthz"] = (Decision.Open, ["/healthz"]),
        ["GET /client"] = (Decision.Open, ["/client/"]),
        ["GET /client/{file}"] = (Decision.Open, ["/client/client.js", "/client/client.css"]),
        ["GET /metrics"] = (Decision.Refused, ["/metrics"]),
        ["GET /api/v1/sites"] = (Decision.Refused, ["/api/v1/sites"]),
        ["GET /api/v1/sites/{site}/nodes/{node}/latest"] = (Decision.Refused, ["/api/v1/sites/ovh/nodes/proxy1/latest"]),
        ["GET /api/v1/sites/{site}/nodes/{node}/delivery"] = (Decision.Refused, ["/api/v1/sites/ovh/nodes/proxy1/delivery"]),
        ["GET /api/v1/failover"] = (Decision.Refused, ["/api/v1/failover"]),
        ["GET /api/v1/alerts"] = (Decision.Refused, ["/api/v1/alerts"]),
        ["POST /api/v1/failover/{group}/failback"] = (Decision.OperatorOnly, ["/api/v1/failover/g/failback"]),
        ["POST /api/v1/failover/{group}/confirm"] = (Decision.OperatorOnly, ["/api/v1/failover/g/confirm"]),
        ["POST /api/v1/sla/{month}/close"] = (Decision.OperatorOnly, ["/api/v1/sla/2026-10/close"]),
        ["POST /api/v1/incidents/{id}/ack"] = (Decision.OperatorOnly, ["/api/v1/incidents/erp-b-x/ack"]),
        ["POST /api/v1/maintenance"] = (Decision.OperatorOnly, ["/api/v1/maintenance"]),
        ["POST /api/v1/incidents/{id}/notices"] = (Decision.OperatorOnly, ["/api/v1/incidents/erp-b-20261010T080000Z/notices"]),
        ["POST /api/v1/dr-tests"] = (Decision.OperatorOnly, ["/api/v1/dr-tests"]),
        ["POST /api/v1/restore-tests"] = (Decision.OperatorOnly, ["/api/v1/restore-tests"]),
        ["GET /api/v1/availability"] = (Decision.Scoped, ["/api/v1/availability?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z"]),
        ["GET /api/v1/availability/{service}/timeline"] = (Decision.Scoped, ["/api/v1/availability/mail-a/timeline?month=2026-10"]),
        ["GET /api/v1/sla/{month}"] = (Decision.Scoped, ["/api/v1/sla/2026-10", "/api/v1/sla/2026-10?format=csv"]),
        ["GET /api/v1/sla/{month}/report"] = (Decision.Scoped, ["/api/v1/sla/2026-10/report?contract=contrat-a"]),
        ["GET /api/v1/incidents"] = (Decision.Scoped, ["/api/v1/incidents?status=all"]),
        ["GET /api/v1/rpo"] = (Decision.Scoped, ["/api/v1/rpo"]),
        ["GET /api/v1/maintenance"] = (Decision.Scoped, ["/api/v1/maintenance"]),
        ["GET /api/v1/incidents/{id}/notices"] = (Decision.Scoped, ["/api/v1/incidents/mail-a-20261010T080000Z/notices"]),
        ["GET /api/v1/dr-tests"] = (Decision.Scoped, ["/api/v1/dr-tests"]),
        ["GET /api/v1/restore-tests"] = (Decision.Scoped, ["/api/v1/restore-tests?year=2026"]),
        ["GET /api/v1/evidence"] = (Decision.Scoped, ["/api/v1/evidence", "/api/v1/evidence?client=OBNL%20Beta&format=jsonl"]),
        ["GET /api/v1/evidence/heads"] = (Decision.Scoped, ["/api/v1/evidence/heads"]),
        ["POST /api/v1/evidence/heads"] = (Decision.OperatorOnly, ["/api/v1/evidence/heads"]),
        ["GET /api/v1/patches"] = (Decision.Scoped, ["/api/v1/patches"]),
    };


    [Fact]
    public void RouteTable_EveryEndpointHasAClientDecision()
    {
        var routes = Routes();
        var missing = routes.Where(r => !Decisions.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a client-access decision (add them to Decisions and Apis/README.md): " + string.Join(", ", missing));
        var stale = Decisions.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Decisions for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryEndpoint_ClientKeyGetsItsDecision_ScopedOnesShowNothingOfAnotherClient()
    {
        using var client = _collector.Client(TwoClientCollector.ClientAlpha);
        using var reader = _collector.Client(TwoClientCollector.Reader);
        foreach (var (endpoint, (decision, probes)) in Decisions)
        {
            var method = endpoint.Split(' ')[0];
            foreach (var probe in probes)
            {
                using var response = await SendAsync(client, method, probe);
                var body = await response.Content.ReadAsStringAsync();
                var label = $"{endpoint} ({probe})";
                switch (decision)
                {
                    case Decision.Open:
                        Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{label}: {response.StatusCode}");
                        break;
                    case Decision.Refused or Decision.OperatorOnly:
                        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{label}: {response.StatusCode}, expected 403");
                        break;
                    default:
                        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{label}: {response.StatusCode} {body}");
                        foreach (var marker in TwoClientCollector.BetaMarkers)
                            Assert.False(body.Contains(marker, StringComparison.Ordinal), $"{label}: the client saw '{marker}': {body}");
                        break;
                }
            }
        }
    }

    [Theory]
    [InlineData("/api/v1/availability?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z")]
    [InlineData("/api/v1/sla/2026-10")]
    [InlineData("/api/v1/sla/2026-10?format=csv")]
    [InlineData("/api/v1/incidents?status=all")]
    [InlineData("/api/v1/rpo")]
    [InlineData("/api/v1/maintenance")]
    [InlineData("/api/v1/evidence")]
    public async Task Reader_SeesBothClients_SoTheScopeIsWhatHidesBeta(string path)
    {
        using var reader = _collector.Client(TwoClientCollector.Reader);
        var body = await reader.GetStringAsync(path);
        Assert.Contains("erp-b", body, StringComparison.Ordinal);
        Assert.Contains("mail-a", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/availability?service=erp-b")]
    [InlineData("/api/v1/availability/erp-b/timeline?month=2026-10")]
    [InlineData("/api/v1/sla/2026-10/report?contract=contrat-b")]
    public async Task Client_AnotherClientsServiceOrContract_IsNotFound(string path)
    {
        using var client = _collector.Client(TwoClientCollector.ClientAlpha);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        using var reader = _collector.Client(TwoClientCollector.Reader);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Client_Incidents_OnlyItsService_Maintenance_OnlyItsServicesListed()
    {
        using var client = _collector.Client(TwoClientCollector.ClientAlpha);
        var incidents = await client.GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=all");
        Assert.Equal("mail-a", Assert.Single(incidents.EnumerateArray()).GetProperty("serviceId").GetString());
        var windows = await client.GetFromJsonAsync<JsonElement>("/api/v1/maintenance");
        Assert.Equal(["mw-a", "mw-ab"], windows.EnumerateArray().Select(w => w.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(windows.EnumerateArray(), w => Assert.Equal(AlphaOnly, w.GetProperty("services").EnumerateArray().Select(s => s.GetString())));
    }

    [Fact]
    public async Task Acknowledge_And_Close_RecordTheKeysName_NotTheWordOperator()
    {
        using var reader = _collector.Client(TwoClientCollector.Reader);
        var incident = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=all"))[0].GetProperty("id").GetString();
        using var op = _collector.Client(TwoClientCollector.Operator);
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsync($"/api/v1/incidents/{incident}/ack", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsync("/api/v1/sla/2026-10/close", null)).StatusCode);

        await using var db = new SqliteConnection($"Data Source={_collector.DatabasePath};Mode=ReadOnly");
        await db.OpenAsync();
        Assert.Equal(TwoClientCollector.OperatorName, await ScalarAsync(db, "SELECT acked_by FROM incident_acks"));
        Assert.Equal(TwoClientCollector.OperatorName, await ScalarAsync(db, "SELECT closed_by FROM closed_months"));
    }

    [Fact]
    public async Task Logs_NeverContainAKey_EvenARefusedOne()
    {
        const string wrong = "wrong-secret-key-that-must-not-be-logged";
        using (var bad = _collector.Client(wrong)) Assert.Equal(HttpStatusCode.Unauthorized, (await bad.GetAsync("/api/v1/rpo")).StatusCode);
        using (var client = _collector.Client(TwoClientCollector.ClientAlpha)) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/sites")).StatusCode);
        using (var reader = _collector.Client(TwoClientCollector.Reader)) Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/v1/sla/2026-10/close", null)).StatusCode);

        // The refusals were logged (so the check below reads real entries), with the caller's name, not its key.
        Assert.Contains(_collector.Logs.All, e => e.EventId == 8601);
        Assert.Contains(_collector.Logs.Texts, t => t.Contains(TwoClientCollector.ClientAlphaName, StringComparison.Ordinal));
        foreach (var secret in new[] { wrong, TwoClientCollector.ClientAlpha, TwoClientCollector.Reader, TwoClientCollector.Operator })
            Assert.DoesNotContain(_collector.Logs.Texts, t => t.Contains(secret, StringComparison.Ordinal));
    }

    private HashSet<string> Routes() =>
        _collector.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .ToHashSet(StringComparer.Ordinal);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        method == "POST" ? client.PostAsJsonAsync(path, new { }) : client.GetAsync(path);

    private static async Task<object?> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    /// <summary>One collector for the class (starting one costs seconds): seeded outages on both services, three windows.</summary>
    public sealed class SeededCollector : IAsyncLifetime
    {
        internal TwoClientCollector Collector { get; } = new();

        public async Task InitializeAsync()
        {
            _ = Collector.Factory.Server;
            await Collector.SeedOutagesAsync();
            using var op = Collector.Client(TwoClientCollector.Operator);
            var start = Collector.Time.GetUtcNow().AddDays(1);
            foreach (var (id, services) in new[] { ("mw-a", AlphaOnly), ("mw-b", BetaOnly), ("mw-ab", AlphaAndBeta) })
            {
                var created = await op.PostAsJsonAsync("/api/v1/maintenance", new { id, start, end = start.AddHours(1), services, reason = "Mise à jour" });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }
        }

        public async Task DisposeAsync() => await Collector.DisposeAsync();
    }
}
