using System.Text.Json.Nodes;
using Chezlepro.Simulators.Victron;

namespace Chezlepro.Demo;

internal sealed partial class DemoSystem
{
    private readonly CancellationTokenSource _scenario = new();

    // Each site gets its own simulated Victron GX (Modbus TCP on loopback). At lanaudiere the grid fails a
    // minute in and comes back five minutes later, so the demo shows grid-lost, a falling battery.runtime and
    // its alerts; the simulator runs its battery 30× faster than real time to make that visible.
    private async Task<JsonArray> SourcesForAsync(string site, CancellationToken cancellationToken)
    {
        var gx = await VictronGxSimulator.StartAsync();
        gx.Speed = 30;
        _started.Add(gx);
        if (site == "lanaudiere") _ = RunGridScenarioAsync(gx, _scenario.Token);
        _out.WriteLine($"  simulated Victron GX for {site} on 127.0.0.1:{gx.Port}");
        _ = cancellationToken;
        return new JsonArray(
            new JsonObject { ["Type"] = "host", ["Name"] = "host", ["Interval"] = "00:00:10" },
            new JsonObject
            {
                ["Type"] = "victron-gx", ["Name"] = "victron", ["Interval"] = "00:00:05", ["Host"] = "127.0.0.1", ["Port"] = gx.Port,
                ["SystemUnitId"] = VictronGxSimulator.SystemUnit, ["VebusUnitId"] = VictronGxSimulator.VebusUnit,
                ["BatteryUnitId"] = VictronGxSimulator.BatteryUnit,
            });
    }

    private static async Task RunGridScenarioAsync(VictronGxSimulator gx, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
            gx.LoseGrid();
            await Task.Delay(TimeSpan.FromMinutes(5), cancellationToken);
            gx.RestoreGrid();
        }
        catch (OperationCanceledException)
        {
            // The demo is stopping.
        }
    }
}
