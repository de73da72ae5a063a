using System.Diagnostics;
using System.Globalization;
using Chezlepro.Devices.Victron;
using Chezlepro.Modbus;
using Chezlepro.Modbus.Registers;
using Chezlepro.Modbus.Transport;
using Chezlepro.Simulators.Victron;

namespace Chezlepro.Modbus.Bench;

/// <summary>
/// Victron GX poll benchmark against the simulator, all in one run:
/// (1) requests per full poll with block planning vs one read per value;
/// (2) poll latency of our master vs a pymodbus client doing the same planned reads.
/// Usage: <c>dotnet run -c Release --project tests/Chezlepro.Modbus.Bench [polls]</c>.
/// </summary>
public static class Program
{
    private const string PymodbusClient = """
        import sys, time, json
        from pymodbus.client import ModbusTcpClient
        port, polls, plan = int(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
        c = ModbusTcpClient("127.0.0.1", port=port)
        c.connect()
        def poll():
            for unit, address, count in plan:
                r = c.read_input_registers(address, count, slave=unit)
                assert not r.isError(), r
        for _ in range(20):
            poll()
        samples = []
        for _ in range(polls):
            t = time.perf_counter()
            poll()
            samples.append((time.perf_counter() - t) * 1000)
        print(" ".join(f"{s:.4f}" for s in samples))
        """;

    public static async Task<int> Main(string[] args)
    {
        var polls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        await using var sim = await VictronGxSimulator.StartAsync();
        var units = new VictronGxUnits();
        var plan = new List<(byte Unit, RegisterBlock Block)>();
        plan.AddRange(RegisterBlockPlanner.Plan(VictronRegisters.System, VictronRegisters.SystemRanges).Select(b => (units.System, b)));
        plan.AddRange(RegisterBlockPlanner.Plan(VictronRegisters.Vebus, VictronRegisters.VebusRanges).Select(b => (units.Vebus!.Value, b)));
        plan.AddRange(RegisterBlockPlanner.Plan(VictronRegisters.Battery, VictronRegisters.BatteryRanges).Select(b => (units.Battery!.Value, b)));
        var naive = VictronRegisters.System.Select(d => (units.System, d))
            .Concat(VictronRegisters.Vebus.Select(d => (units.Vebus!.Value, d)))
            .Concat(VictronRegisters.Battery.Select(d => (units.Battery!.Value, d))).ToList();

        await using var master = new ModbusMaster(new ModbusTcpTransport("127.0.0.1", sim.Port), new ModbusMasterOptions { Retries = 0 });
        var client = new VictronGxClient(master, units);

        // (1) Requests per poll, counted by the server.
        var before = sim.RequestCount;
        _ = await client.ReadAsync(default);
        var plannedRequests = sim.RequestCount - before;
        before = sim.RequestCount;
        foreach (var (unit, d) in naive)
        {
            _ = await master.ReadInputRegistersAsync(unit, d.Address, (ushort)d.Width);
        }
        var naiveRequests = sim.RequestCount - before;

        // (2) Latency: warm up, then time full polls.
        async Task<List<double>> TimeAsync(Func<Task> poll)
        {
            for (var i = 0; i < 20; i++)
            {
                await poll();
            }
            var samples = new List<double>(polls);
            for (var i = 0; i < polls; i++)
            {
                var t = Stopwatch.GetTimestamp();
                await poll();
                samples.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            return samples;
        }
        var ours = await TimeAsync(async () =>
        {
            foreach (var (unit, block) in plan)
            {
                _ = await master.ReadInputRegistersAsync(unit, block.Address, block.Count);
            }
        });
        var oursDecoded = await TimeAsync(() => client.ReadAsync(default));
        var oursNaive = await TimeAsync(async () =>
        {
            foreach (var (unit, d) in naive)
            {
                _ = await master.ReadInputRegistersAsync(unit, d.Address, (ushort)d.Width);
            }
        });
        var planJson = "[" + string.Join(",", plan.Select(p => $"[{p.Unit},{p.Block.Address},{p.Block.Count}]")) + "]";
        var py = await RunPythonAsync(PymodbusClient, sim.Port.ToString(CultureInfo.InvariantCulture), polls.ToString(CultureInfo.InvariantCulture), planJson);

        Console.WriteLine($"Victron GX full poll (system 100, vebus 227, battery 225), simulator on loopback, {polls} polls each");
        Console.WriteLine($"requests per poll: block planning {plannedRequests}, one read per value {naiveRequests} (ratio {naiveRequests / (double)plannedRequests:0.0}x)");
        Console.WriteLine("poll latency (ms)                         mean     p50     p95");
        Print("ours, planned reads (raw)", ours);
        Print("ours, planned reads + decode", oursDecoded);
        Print("ours, one read per value", oursNaive);
        Print("pymodbus 3.0, planned reads", py);
        Console.WriteLine($"ratio pymodbus/ours (mean, planned raw): {py.Average() / ours.Average():0.00}");
        return 0;
    }

    private static void Print(string label, List<double> samples)
    {
        var sorted = samples.Order().ToList();
        Console.WriteLine($"{label,-40} {samples.Average(),7:0.000} {sorted[sorted.Count / 2],7:0.000} {sorted[(int)(sorted.Count * 0.95)],7:0.000}");
    }

    private static async Task<List<double>> RunPythonAsync(string source, params string[] args)
    {
        var script = Path.Combine(Path.GetTempPath(), $"chez-bench-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, source);
        try
        {
            var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add(script);
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }
            using var p = Process.Start(info)!;
            var output = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            return output.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        }
        finally
        {
            File.Delete(script);
        }
    }
}
