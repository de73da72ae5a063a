using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Sources.Power.Victron;
using Chezlepro.Contracts.Messages;
using Chezlepro.Simulators.Victron;
using Chezlepro.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chezlepro.Devices.Tests.Scenarios;

/// <summary>The simulated site loses the grid and discharges; the victron-gx source runs against it on a fake clock.</summary>
[Trait("Category", "Integration")]
public class GridLossScenarioTests
{
    private static ISource Source(int port, TimeProvider time, params (string Key, string Value)[] extra)
    {
        var data = new Dictionary<string, string?>
        {
            ["Sources:0:Type"] = "victron-gx", ["Sources:0:Host"] = "127.0.0.1", ["Sources:0:Port"] = port.ToString(),
            ["Sources:0:Retries"] = "0", ["Sources:0:ReserveSoc"] = "10", ["Sources:0:RuntimeSmoothing"] = "00:01:00",
            ["Sources:0:Alerts:RuntimeLeadTime"] = "00:30:00", ["Sources:0:Alerts:RuntimeClearMargin"] = "00:10:00",
            ["Sources:0:Alerts:ClearHold"] = "00:01:00",
        };
        foreach (var (k, v) in extra)
        {
            data[$"Sources:0:{k}"] = v;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        var def = new SourceDefinition(0, "victron-gx", "victron", TimeSpan.FromMinutes(1), configuration.GetSection("Sources:0"), configuration);
        var factory = new VictronGxSourceFactory();
        Assert.Empty(factory.Validate(def));
        var services = new ServiceCollection().AddLogging().AddSingleton(time).BuildServiceProvider();
        return factory.Create(def, services);
    }

    [Fact]
    public async Task GridLost_Discharge_GridAlertOnceRuntimeFallsRuntimeAlertRaisedAndClearedWithHysteresis()
    {
        var time = new FakeTimeProvider();
        await using var sim = await VictronGxSimulator.StartAsync(0, time);
        sim.SetSoc(60);
        sim.LoadWatts = 3000;
        var source = Source(sim.Port, time);
        var alerts = new List<Alert>();
        var runtimes = new List<double>();

        async Task<SourceReading> PollAsync()
        {
            time.Advance(TimeSpan.FromMinutes(1));
            var r = await source.ReadAsync(default);
            Assert.Equal(HealthStatus.Ok, r.Health[0].Status);
            alerts.AddRange(r.Alerts);
            if (r.Samples.FirstOrDefault(s => s.Metric == "battery.runtime") is { } runtime)
            {
                runtimes.Add(runtime.Value);
            }
            return r;
        }

        var first = await PollAsync();
        Assert.Equal(1, first.Samples.Single(s => s.Metric == "grid.available").Value);
        Assert.Empty(runtimes);                                  // charging: no runtime

        sim.LoseGrid();
        for (var i = 0; i < 120 && !alerts.Any(a => a.Id == "battery-runtime-low"); i++)
        {
            await PollAsync();
        }
        Assert.Single(alerts, a => a.Id == "grid-lost" && a.State == AlertState.Raised);
        var runtimeAlert = Assert.Single(alerts, a => a.Id == "battery-runtime-low");
        Assert.Equal((AlertState.Raised, Priority.P1), (runtimeAlert.State, runtimeAlert.Priority));
        Assert.True(runtimes.Count > 30, $"only {runtimes.Count} runtime samples");
        Assert.True(runtimes[0] > 3600, $"first runtime {runtimes[0]} s");
        Assert.True(runtimes[^1] < 1800, $"last runtime {runtimes[^1]} s");
        // After the smoothing settles, every poll shows less runtime than the one before.
        Assert.All(runtimes.Skip(3).Zip(runtimes.Skip(4)), p => Assert.True(p.Second < p.First, $"{p.Second} !< {p.First}"));

        for (var i = 0; i < 5; i++)
        {
            await PollAsync();                                   // still on battery: nothing raised twice
        }
        // SoC also crossed its own threshold on the way down (P2); still one transition per alert.
        Assert.Equal(["battery-runtime-low", "battery-soc-low", "grid-lost"], alerts.Select(a => a.Id).Order());

        sim.RestoreGrid();
        var back = await PollAsync();                            // clear conditions start holding
        Assert.Empty(back.Alerts);
        Assert.DoesNotContain(back.Samples, s => s.Metric == "battery.runtime");
        var cleared = (await PollAsync()).Alerts;                // 60 s later: hold elapsed
        Assert.Equal(["battery-runtime-low", "grid-lost"], cleared.Select(a => a.Id).Order());
        Assert.All(cleared, a => Assert.Equal(AlertState.Cleared, a.State));
        for (var i = 0; i < 5; i++)
        {
            Assert.Empty((await PollAsync()).Alerts);
        }
    }

    [Fact]
    public async Task DeadGx_NPolls_UnreachableRaisedOnceThenClearedWhenBack()
    {
        await using var sim = await VictronGxSimulator.StartAsync();
        var source = Source(sim.Port, TimeProvider.System, ("RequestTimeout", "00:00:01"), ("Alerts:UnreachablePolls", "2"));
        // 1 s request timeout, not less: the first, live read timed out at 200 ms on a loaded machine, shifting the counts.
        var live = await source.ReadAsync(default);
        Assert.NotEqual(HealthStatus.Unknown, live.Health[0].Status);
        Assert.Empty(live.Alerts);
        sim.KillUnit(VictronGxSimulator.SystemUnit);
        var failed = new List<SourceReading>();
        for (var i = 0; i < 3; i++)
        {
            failed.Add(await source.ReadAsync(default));
        }
        Assert.All(failed, r => Assert.Equal(HealthStatus.Unknown, r.Health[0].Status));
        Assert.Equal([0, 1, 0], failed.Select(r => r.Alerts.Count));
        Assert.Equal(("device-unreachable", Priority.P2), (failed[1].Alerts[0].Id, failed[1].Alerts[0].Priority));
        sim.ReviveUnit(VictronGxSimulator.SystemUnit);
        var back = await source.ReadAsync(default);
        Assert.Equal(("device-unreachable", AlertState.Cleared), (back.Alerts[0].Id, back.Alerts[0].State));
    }
}
