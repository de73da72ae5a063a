using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Sources.Power.Eg4;
using Chezlepro.Agent.Sources.Power.VeBus;
using Chezlepro.Contracts.Messages;
using Chezlepro.Simulators.Eg4;
using Chezlepro.Simulators.Support;
using Chezlepro.Simulators.VeBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chezlepro.Devices.Tests.Scenarios;

/// <summary>The eg4-ll and vebus-mk3 sources, created by their factories, against the pty simulators.</summary>
[Trait("Category", "Integration")]
public class SerialSourceScenarioTests
{
    private static ISource Create(SourceFactory factory, Dictionary<string, string?> keys)
    {
        var data = keys.ToDictionary(k => $"Sources:0:{k.Key}", k => k.Value);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        var def = new SourceDefinition(0, factory.Type, "power", TimeSpan.FromSeconds(10), configuration.GetSection("Sources:0"), configuration);
        Assert.Empty(factory.Validate(def));
        return factory.Create(def, new ServiceCollection().AddLogging().BuildServiceProvider());
    }

    [Fact]
    public async Task Eg4Source_PackAlarmAndDeadPack_BankSamplesBmsFaultAndPackHealth()
    {
        await using var pty = await PtyPair.StartAsync();
        await using var sim = await Eg4LlSimulator.StartAsync(pty.DevicePath, 2, 3, 4);
        var source = Create(new Eg4LlSourceFactory(), new()
        {
            ["SerialPort"] = pty.HostPath, ["UnitIds:0"] = "2", ["UnitIds:1"] = "3", ["UnitIds:2"] = "4",
            // Generous timeout: on a loaded 2-core CI machine a live pack answering late must not look dead.
            ["RequestTimeout"] = "00:00:02", ["Retries"] = "0", ["Alerts:UnreachablePolls"] = "1",
        });
        try
        {
            sim.Packs[3].Protection = 0x0080;   // MOSFET over-temperature
            sim.Packs[4].Dead = true;
            var reading = await source.ReadAsync(default);
            var samples = reading.Samples.ToDictionary(s => s.Metric, s => s.Value);
            Assert.Equal(-25.0, samples["battery.current"]);              // two packs at −12.5 A
            Assert.Equal(68, samples["battery.pack.3.soc"]);
            Assert.False(samples.ContainsKey("battery.pack.4.soc"));
            Assert.True(samples.ContainsKey("battery.runtime"));            // capacity from the packs (2 × 100 Ah)
            var fault = Assert.Single(reading.Alerts);
            Assert.Equal(("bms-fault", Priority.P1), (fault.Id, fault.Priority));
            Assert.Contains("pack 3: MOSFET over-temperature", fault.SummaryEn, StringComparison.Ordinal);
            Assert.Contains(reading.Health, h => h.Check == "device.power.pack.4" && h.Status == HealthStatus.Unknown);

            sim.Packs[2].Dead = sim.Packs[3].Dead = true;                   // nobody answers: the poll fails
            var failed = await source.ReadAsync(default);
            Assert.Equal(HealthStatus.Unknown, failed.Health[0].Status);
            Assert.Equal("device-unreachable", Assert.Single(failed.Alerts).Id);
        }
        finally
        {
            await ((IAsyncDisposable)source).DisposeAsync();
        }
    }

    [Fact]
    public async Task VeBusSource_MainsLost_GridLostRaisedAndOverloadAlarm()
    {
        await using var pty = await PtyPair.StartAsync();
        await using var sim = await Mk2Simulator.StartAsync(pty.DevicePath);
        var source = Create(new VeBusMk3SourceFactory(), new() { ["SerialPort"] = pty.HostPath, ["BatteryCapacityAh"] = "400" });
        try
        {
            var first = await source.ReadAsync(default);
            Assert.Empty(first.Alerts);
            Assert.Equal(1, first.Samples.Single(s => s.Metric == "grid.available").Value);
            sim.Mains = false;
            sim.Overload = true;
            var reading = await source.ReadAsync(default);
            Assert.Equal(["grid-lost", "inverter-overload"], reading.Alerts.Select(a => a.Id));
            var samples = reading.Samples.ToDictionary(s => s.Metric, s => s.Value);
            Assert.Equal(-25.0, samples["battery.current"]);
            Assert.Equal(-1320.0, samples["battery.power"]);
            Assert.Equal(40320, samples["battery.runtime"]);               // 400 Ah × (80 − 10) % / 25 A
        }
        finally
        {
            await ((IAsyncDisposable)source).DisposeAsync();
        }
    }
}
