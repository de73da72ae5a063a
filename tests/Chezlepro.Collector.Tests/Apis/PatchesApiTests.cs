using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary><c>GET /api/v1/patches</c>: every node for a reader, only the nodes of its services for a client.</summary>
public sealed class PatchesApiTests(PatchesApiTests.SeededCollector fixture) : IClassFixture<PatchesApiTests.SeededCollector>
{
    private readonly TwoClientCollector _collector = fixture.Collector;

    /// <summary>One collector for the class (the tests only read): a <c>patch</c> result on three nodes.</summary>
    public sealed class SeededCollector : IAsyncLifetime
    {
        internal TwoClientCollector Collector { get; } = new();

        public async Task InitializeAsync()
        {
            _ = Collector.Factory.Server;
            var store = Collector.Factory.Services.GetRequiredService<ICollectorStore>();
            var t = Collector.Time.GetUtcNow().AddMinutes(-5);
            // proxy1 carries Alpha's mail-a, proxy2 Beta's erp-b, proxy9 no service of anyone.
            var seq = 1L;
            foreach (var (node, status, security) in new[] { ("proxy1", HealthStatus.Warning, 2), ("proxy2", HealthStatus.Ok, 0), ("proxy9", HealthStatus.Ok, 0) })
            {
                var details = new JsonObject { ["pending"] = 5, ["security"] = security, ["lastPatchAt"] = "2026-11-10T11:26:03Z", ["packages"] = new JsonArray() };
                var r = new HealthResult { Site = "ovh", Node = node, Seq = seq++, Ts = t, Check = "patch", Status = status, Summary = "…", Details = details };
                Assert.Equal(StoreOutcome.Inserted, await store.StoreOneAsync(IngestItems.Of(r), t));
            }
        }

        public Task DisposeAsync() => Collector.DisposeAsync().AsTask();
    }

    [Fact]
    public async Task Reader_EveryNodeWithTheFieldsTheClientPageReads()
    {
        using var reader = _collector.Client(TwoClientCollector.Reader);

        var body = await reader.GetStringAsync("/api/v1/patches");

        var nodes = JsonDocument.Parse(body).RootElement.GetProperty("nodes");
        Assert.Equal(["proxy1", "proxy2", "proxy9"], nodes.EnumerateArray().Select(n => n.GetProperty("node").GetString()));
        Assert.Equal(
            """{"site":"ovh","node":"proxy1","pending":5,"security":2,"lastPatchAt":"2026-11-10T11:26:03.000Z","daysSinceLastPatch":11,"status":"warning","updatedAt":"2026-11-21T13:55:00.000Z"}""",
            nodes[0].GetRawText());
    }

    [Fact]
    public async Task Client_OnlyTheNodesOfItsServices()
    {
        using var client = _collector.Client(TwoClientCollector.ClientAlpha);

        var response = await client.GetAsync("/api/v1/patches");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var nodes = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("nodes");
        Assert.Equal(["proxy1"], nodes.EnumerateArray().Select(n => n.GetProperty("node").GetString()));
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoint()
    {
        using var anonymous = _collector.Client(null);

        var path = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths").GetProperty("/api/v1/patches");

        Assert.Equal("GetPatches", path.GetProperty("get").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task NoKey_Refused401()
    {
        using var anonymous = _collector.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/patches")).StatusCode);
    }
}
