using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary><c>GET …/nodes/{node}/latest</c> returns each check's French summary and, next to it, the English one.</summary>
public sealed partial class ServiceLevelsApiTests
{
    [Fact]
    public async Task Latest_HealthCarriesSummaryAndSummaryEn_NullWhenTheAgentSentNone()
    {
        _ = _factory.Server;
        var store = _factory.Services.GetRequiredService<ICollectorStore>();
        var now = _time.GetUtcNow();
        HealthResult[] results =
        [
            new() { Site = "ovh", Node = "proxy1", Seq = 1, Ts = now, Check = "probe.mail", Status = HealthStatus.Critical,
                Summary = "Connexion refusée", SummaryEn = "Connection refused" },
            new() { Site = "ovh", Node = "proxy1", Seq = 2, Ts = now, Check = "probe.web", Status = HealthStatus.Ok, Summary = "200 OK" },
        ];
        foreach (var r in results) Assert.Equal(StoreOutcome.Inserted, await store.StoreOneAsync(IngestItems.Of(r), now));

        var latest = await Client(Reader).GetFromJsonAsync<JsonElement>("/api/v1/sites/ovh/nodes/proxy1/latest");
        var health = latest.GetProperty("health").EnumerateArray()
            .Select(h => (h.GetProperty("check").GetString(), h.GetProperty("summary").GetString(), h.GetProperty("summaryEn").GetString()));
        Assert.Equal([("probe.mail", "Connexion refusée", "Connection refused"), ("probe.web", "200 OK", (string?)null)], health);
    }
}
