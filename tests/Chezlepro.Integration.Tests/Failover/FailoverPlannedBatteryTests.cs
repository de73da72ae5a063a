using System.Globalization;
using System.Text.Json.Nodes;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Simulators.Victron;
using Chezlepro.Testing.Mosquitto;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>
/// Grid lost at the primary: its agent reads a simulated Victron GX (Modbus TCP) and reports <c>grid.available</c> = 0
/// and a falling <c>battery.runtime</c>. Being on battery alone decides nothing; once the runtime falls under the
/// group's lead time (and stays there for the hold) exactly one planned decision moves the group, while the
/// primary is still reachable and before the simulated battery is empty.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailoverPlannedBatteryTests
{
    // runtime = 200 Ah × (SoC − 10 %) × 3600 / (1500 W / V), V = 48 + 0.06 × SoC: 4500 s (the lead time) at SoC ≈ 28.9 %.
    private const double StartSoc = 36;
    private const double Speed = 120; // about 0.5 % of SoC per second: the lead time is crossed ~14 s after the grid loss, empty ~70 s after.
    private static readonly TimeSpan LeadTime = TimeSpan.FromMinutes(75);
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(5);
    private readonly ITestOutputHelper _output;

    public FailoverPlannedBatteryTests(ITestOutputHelper output) => _output = output;

    private static string[] GroupArgs() => FailoverArgs.PublicWeb(extra: "--Catalog:FailoverGroups:0:LeadTime=01:15:00");

    private static JsonObject VictronSource(int port) => new()
    {
        ["Type"] = "victron-gx", ["Name"] = "victron", ["Interval"] = "00:00:01", ["Host"] = "127.0.0.1", ["Port"] = port,
        ["BatteryCapacityAh"] = 200, ["ReserveSoc"] = 10, ["RuntimeSmoothing"] = "00:00:01",
    };

    [Fact]
    public async Task GridLost_RuntimeFallsUnderLeadTime_OnePlannedDecisionBeforeEmpty()
    {
        await using var gx = await VictronGxSimulator.StartAsync();
        gx.CapacityAh = 200;
        gx.LoadWatts = 1500;
        gx.Speed = Speed;
        gx.SetSoc(StartSoc);
        await using var broker = await MosquittoBroker.StartAsync();
        await using var recorder = await DecisionRecorder.StartAsync(broker.Port);
        await using var collector = await FailoverCollectorHost.StartAsync(broker.Port, GroupArgs());
        await using var primary = new AgentProcess("lanaudiere", "pve1", broker.Port, keepAliveSeconds: 5, extraSources: [VictronSource(gx.Port)]);
        await using var secondary = new AgentProcess("st-bruno", "pve1", broker.Port, keepAliveSeconds: 5);
        primary.Start();
        secondary.Start();
        await Eventually.HoldsAsync(async () => await SitesJson.OnlineCountAsync(collector) == 2
            && (await collector.GroupAsync("public-web")).GetProperty("state").GetString() == "primary-active"
            && gx.RequestCount > 0, TimeSpan.FromSeconds(40), "both agents online, the GX polled, group on its primary");

        var lostAt = TimeProvider.System.GetUtcNow();
        gx.LoseGrid();
        // While the runtime is still above the lead time, being on battery decides nothing and does not even start the hold.
        var onBatteryOnly = TimeSpan.FromSeconds(6);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (sw.Elapsed < onBatteryOnly)
        {
            var g = await collector.GroupAsync("public-web");
            Assert.Equal(0, g.GetProperty("epoch").GetInt64());
            Assert.Equal("primary-active", g.GetProperty("state").GetString());
            await Task.Delay(250);
        }
        await collector.RoundAsync();
        var onBattery = await collector.GroupAsync("public-web");
        Assert.Equal(0, onBattery.GetProperty("epoch").GetInt64());
        Assert.Equal("primary-active", onBattery.GetProperty("state").GetString());

        await Eventually.HoldsAsync(() => Task.FromResult(!recorder.Decisions.IsEmpty), TimeSpan.FromSeconds(45), "planned decision");
        var socAtDecision = gx.Soc;
        Assert.True(socAtDecision > 0, "the simulated battery was empty before the decision was seen");
        await collector.SettleAsync(recorder); // a further round, and everything published up to it seen: nothing else follows

        var decision = Assert.Single(recorder.Decisions.Select(d => d.Decision).Distinct());
        Assert.Equal(1, decision.Epoch);
        Assert.Equal("st-bruno", decision.Active);
        Assert.Equal("lanaudiere", decision.Previous);
        Assert.Equal("planned-battery", decision.Reason);
        var group = await collector.GroupAsync("public-web");
        Assert.Equal(1, group.GetProperty("epoch").GetInt64());
        Assert.Equal("st-bruno", group.GetProperty("active").GetString());
        var evidence = group.GetProperty("lastDecision").GetProperty("evidence");
        Assert.True(evidence.GetProperty("primaryReachable").GetBoolean()); // planned: the primary was still there
        Assert.True(evidence.GetProperty("primaryOnBattery").GetBoolean());
        var runtime = evidence.GetProperty("primaryRuntimeSeconds").GetDouble();
        Assert.True(runtime < LeadTime.TotalSeconds, $"runtime {runtime:0} s not under the lead time");
        var conditionSince = evidence.GetProperty("conditionSince").GetDateTimeOffset();
        var decidedAt = decision.DecidedAt;
        Assert.True(conditionSince - lostAt >= onBatteryOnly, $"hold started {(conditionSince - lostAt).TotalSeconds:0.0} s after the grid loss, before the runtime could be under the lead time");
        Assert.True(decidedAt - conditionSince >= Hold, $"decided {(decidedAt - conditionSince).TotalSeconds:0.0} s into the hold");
        // Minutes of battery left in the simulated site's own time: the switch came ahead of the outage.
        var leftSeconds = socAtDecision / 100 * gx.CapacityAh / (gx.LoadWatts / 50) * 3600 / Speed;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grid lost → hold start {(conditionSince - lostAt).TotalSeconds:0.0} s, decision {(decidedAt - lostAt).TotalSeconds:0.0} s; runtime reported {runtime:0} s (lead {LeadTime.TotalSeconds} s); SoC at decision {socAtDecision:0.0} %, about {leftSeconds:0} s of test time to empty"));
    }
}
