using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Mosquitto;
using Xunit;

namespace Chezlepro.Integration.Tests;

/// <summary>Issue 2: one reading travels from two site nodes to the collector API through a real Mosquitto.</summary>
[Trait("Category", "Integration")]
public sealed class WalkingSkeletonTests
{
    [Fact]
    public async Task TwoAgents_PublishHostReadings_CollectorShowsBothOnlineWithLatestValues()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var collector = await CollectorHost.StartAsync(broker.Port);
        await using var a = new AgentProcess("lanaudiere", "pve1", broker.Port);
        await using var b = new AgentProcess("st-bruno", "pve2", broker.Port);
        a.Start();
        b.Start();

        foreach (var agent in new[] { a, b })
        {
            await Eventually.HoldsAsync(async () =>
            {
                var node = await collector.NodeAsync(agent.Site, agent.Node);
                if (node is not { } n || !n.GetProperty("online").GetBoolean()) return false;
                var latest = await collector.GetAsync($"/api/v1/sites/{agent.Site}/nodes/{agent.Node}/latest");
                var metrics = latest.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("metric").GetString()).ToHashSet();
                return metrics.Contains("host.load1") && metrics.Contains("host.memory.available") && metrics.Contains("host.uptime");
            }, TimeSpan.FromSeconds(40), $"{agent.Site}/{agent.Node} online with host values\n{agent.Log}");
        }

        var latestA = await collector.GetAsync("/api/v1/sites/lanaudiere/nodes/pve1/latest");
        var memory = latestA.GetProperty("metrics").EnumerateArray().First(m => m.GetProperty("metric").GetString() == "host.memory.total");
        Assert.True(memory.GetProperty("value").GetDouble() > 64 * 1024 * 1024, "host.memory.total should be this machine's memory in bytes");
        Assert.Equal("host", memory.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Api_WithoutKey_Is401_AndHealthzAndOpenApiAreServed()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var collector = await CollectorHost.StartAsync(broker.Port);
        using var anonymous = new HttpClient { BaseAddress = new Uri(collector.Url) };

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/sites")).StatusCode);
        await Eventually.HoldsAsync(async () => (await anonymous.GetAsync("/healthz")).IsSuccessStatusCode, TimeSpan.FromSeconds(10), "healthz");
        var openapi = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/sites/{site}/nodes/{node}/latest", openapi, StringComparison.Ordinal);
    }
}
