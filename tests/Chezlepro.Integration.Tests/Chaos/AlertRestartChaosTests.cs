using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Simulators.Victron;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Chaos;

/// <summary>
/// Issue #15: an alert clears while its agent is down. The latch survives the restart, so the restarted agent, seeing
/// the condition gone, still sends the <c>cleared</c> the collector is waiting for.
/// </summary>
[Trait("Category", "Chaos")]
public sealed class AlertRestartChaosTests(ITestOutputHelper output)
{
    private static JsonObject VictronSource(int port) => new()
    {
        ["Type"] = "victron-gx", ["Name"] = "victron", ["Interval"] = "00:00:01", ["Host"] = "127.0.0.1", ["Port"] = port,
        ["BatteryCapacityAh"] = 200, ["ReserveSoc"] = 10,
        // Cleared at the first poll that sees the grid back (the default holds 60 s against flapping).
        ["Alerts"] = new JsonObject { ["ClearHold"] = "00:00:00" },
    };

    [Fact]
    public async Task GridRestoredWhileAgentKilled_RestartedAgentSendsCleared_EverySeqStoredOnce()
    {
        await using var gx = await VictronGxSimulator.StartAsync();
        await using var rig = await ChaosRig.StartAsync();
        var collector = rig.Collector;
        var agent = rig.Agent(extraSources: [VictronSource(gx.Port)]);
        agent.Start();
        await rig.WaitStoredAsync(2, agent, "first messages");

        gx.LoseGrid();
        await Eventually.HoldsAsync(async () => await GridLostAsync(collector, "raised"), TimeSpan.FromSeconds(20), () => "grid-lost raised at the collector\n" + agent.Log);
        agent.Kill();
        gx.RestoreGrid();

        var restarted = rig.Agent(dataDirectory: agent.DataDirectory, extraSources: [VictronSource(gx.Port)]);
        restarted.Start();
        var took = await Eventually.HoldsAsync(async () => await GridLostAsync(collector, "cleared"), TimeSpan.FromSeconds(30),
            () => "grid-lost cleared at the collector\n" + restarted.Log);
        output.WriteLine($"cleared reached the collector {took.TotalSeconds:F1} s after the agent's restart");

        await Eventually.HoldsAsync(async () => await restarted.StatusAsync() is not null, TimeSpan.FromSeconds(10), "agent status");
        var last = await ChaosAgent.LastAssignedAsync(restarted);
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(collector, restarted, last, output);
    }

    private static async Task<bool> GridLostAsync(CollectorProcess collector, string state)
    {
        var alerts = await collector.Http.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?state={state}");
        return alerts.EnumerateArray().Any(a => a.GetProperty("site").GetString() == ChaosAgent.Site
            && a.GetProperty("node").GetString() == ChaosAgent.Node
            && a.GetProperty("id").GetString()!.Contains("grid-lost", StringComparison.Ordinal));
    }
}
