using System.Diagnostics;
using System.Text;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Mqtt;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests;

/// <summary>Issue 2: the will marks a dead agent offline; a stale will never marks a live one offline.</summary>
[Trait("Category", "Integration")]
public sealed class WillTests(ITestOutputHelper output)
{
    private const int KeepAlive = 5;

    [Fact]
    public async Task AgentKilled_CollectorMarksOfflineWithinKeepAliveBound()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var collector = await CollectorHost.StartAsync(broker.Port);
        await using var agent = new AgentProcess("lanaudiere", "pve1", broker.Port, keepAliveSeconds: KeepAlive);
        agent.Start();
        await Eventually.HoldsAsync(async () => (await collector.NodeAsync("lanaudiere", "pve1"))?.GetProperty("online").GetBoolean() == true,
            TimeSpan.FromSeconds(40), "online\n" + agent.Log);

        agent.Kill();
        var bound = TimeSpan.FromSeconds((1.5 * KeepAlive) + 5);
        var took = await Eventually.HoldsAsync(async () =>
        {
            var n = await collector.NodeAsync("lanaudiere", "pve1");
            return n?.GetProperty("online").GetBoolean() == false && n?.GetProperty("reason").GetString() == "lost";
        }, bound + TimeSpan.FromSeconds(2), "offline via will");
        output.WriteLine($"offline {took.TotalSeconds:F1} s after kill -9 (bound {bound.TotalSeconds} s)");
        Assert.True(took <= bound, $"took {took}");
    }

    [Fact]
    public async Task StaleWillFromOlderSession_DoesNotMarkReconnectedNodeOffline()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var collector = await CollectorHost.StartAsync(broker.Port);
        await using var agent = new AgentProcess("lanaudiere", "pve1", broker.Port, keepAliveSeconds: KeepAlive);
        agent.Start();
        await Eventually.HoldsAsync(async () => (await collector.NodeAsync("lanaudiere", "pve1"))?.GetProperty("online").GetBoolean() == true,
            TimeSpan.FromSeconds(40), "online");
        var session = (await collector.NodeAsync("lanaudiere", "pve1"))!.Value.GetProperty("session").GetInt64();

        // The will Mosquitto publishes late for a taken-over, older connection carries an older session.
        await using var rogue = new MqttClient(new MqttClientOptions { Port = broker.Port, ClientId = "stale-will-sender" },
            NullLogger<MqttClient>.Instance, TimeProvider.System);
        await rogue.StartAsync(default);
        var stale = $$"""{"schema":1,"site":"lanaudiere","node":"pve1","online":false,"reason":"lost","session":{{session - 1}},"ts":"2026-11-21T14:00:00.000Z"}""";
        await rogue.PublishAsync(new MqttApplicationMessage("chezlepro/v1/lanaudiere/pve1/status", Encoding.UTF8.GetBytes(stale)), default);
        await Eventually.HoldsAsync(() => Task.FromResult(collector.Counters.Get(Collector.Ingest.IngestResult.StaleStatus) >= 1),
            TimeSpan.FromSeconds(10), "stale status counted");

        var node = (await collector.NodeAsync("lanaudiere", "pve1"))!.Value;
        Assert.True(node.GetProperty("online").GetBoolean());
        Assert.Equal(session, node.GetProperty("session").GetInt64());
        await rogue.StopAsync(default);
    }

    [Fact]
    public async Task CleanStop_PublishesShutdown_AndRestartComesBackOnlineWithNewerSession()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var collector = await CollectorHost.StartAsync(broker.Port);
        await using var agent = new AgentProcess("lanaudiere", "pve1", broker.Port, keepAliveSeconds: KeepAlive);
        agent.Start();
        await Eventually.HoldsAsync(async () => (await collector.NodeAsync("lanaudiere", "pve1"))?.GetProperty("online").GetBoolean() == true,
            TimeSpan.FromSeconds(40), "online");
        var first = (await collector.NodeAsync("lanaudiere", "pve1"))!.Value.GetProperty("session").GetInt64();

        await agent.StopAsync();
        await Eventually.HoldsAsync(async () => (await collector.NodeAsync("lanaudiere", "pve1"))?.GetProperty("reason").GetString() == "shutdown",
            TimeSpan.FromSeconds(10), "shutdown status\n" + agent.Log);

        await using var again = new AgentProcess("lanaudiere", "pve1", broker.Port, dataDirectory: agent.DataDirectory);
        again.Start();
        await Eventually.HoldsAsync(async () => (await collector.NodeAsync("lanaudiere", "pve1"))?.GetProperty("online").GetBoolean() == true,
            TimeSpan.FromSeconds(40), "online again");
        Assert.True((await collector.NodeAsync("lanaudiere", "pve1"))!.Value.GetProperty("session").GetInt64() > first);
    }
}
