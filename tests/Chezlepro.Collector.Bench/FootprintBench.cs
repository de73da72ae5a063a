using System.Diagnostics;
using System.Globalization;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Processes;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// The collector's footprint for the record (issue 19: "the same for the collector idle and under the ingest bench"):
/// the built collector as a process (SQLite store, Mosquitto on loopback) idle for a while, then under the ingest
/// bench's stream, its resident set and CPU sampled every half second beside the broker's own in the same run (the
/// peer: the one other process every message goes through). The collector ships on the JIT, so this is the JIT figure.
/// Usage: chezlepro-collector-bench footprint [idle seconds=60] [messages=20000] [agents=10].
/// </summary>
internal static class FootprintBench
{
    private const string Key = "bench-footprint-reader-key";
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(string[] args)
    {
        var idle = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60);
        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20000;
        var agents = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { ExtraLines = ["max_queued_messages 10000000"] });
        using var collector = new CollectorInstance(broker.Port, "footprint", Key);
        var started = Stopwatch.StartNew();
        await collector.StartAsync(TimeSpan.FromSeconds(120));
        while (await collector.MetricAsync("chezlepro_broker_connected") != 1) await Task.Delay(100);
        Console.WriteLine(FormattableString.Invariant(
            $"collector (SQLite, {Environment.ProcessorCount} cores) answering and connected after {started.Elapsed.TotalSeconds:F1} s, {Mb(ProcessMemory.ResidentKb(collector.Pid!.Value))} MB resident"));

        var processes = new[] { ("collector", collector.Pid!.Value), ("mosquitto", broker.Pid!.Value) };
        var idleRows = await SampleAsync("idle", processes, until: ct => Task.Delay(idle, ct));
        var loadRows = await SampleAsync($"ingest {count} msg", processes, until: async ct =>
        {
            await IngestBench.PublishAsync(broker.Port, count, agents, seqBase: 0);
            await WaitStoredAsync(collector, count, ct);
        });

        Console.WriteLine();
        Console.WriteLine("| phase | process | seconds | RSS avg MB | RSS peak MB | CPU s | % of a core | load average (1 min) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var row in idleRows.Concat(loadRows)) Console.WriteLine(row);
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"collector peak resident over the run (VmHWM): {Mb(collector.PeakRssKb())} MB"));
        return 0;
    }

    /// <summary>Samples every process while <paramref name="until"/> runs; one table row per process.</summary>
    private static async Task<List<string>> SampleAsync(string phase, (string Name, int Pid)[] processes, Func<CancellationToken, Task> until)
    {
        var rss = processes.Select(_ => new List<long>()).ToArray();
        var cpuBefore = processes.Select(p => ProcessCpu.Seconds(p.Pid) ?? 0).ToArray();
        var loads = new List<double>();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var sw = Stopwatch.StartNew();
        var work = until(cts.Token);
        while (true)
        {
            for (var i = 0; i < processes.Length; i++)
                rss[i].Add(ProcessMemory.ResidentKb(processes[i].Pid) ?? throw new InvalidOperationException($"{processes[i].Name} exited"));
            loads.Add(double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture));
            if (work.IsCompleted) break;
            await Task.WhenAny(work, Task.Delay(SampleEvery, cts.Token));
        }
        await work;
        var elapsed = sw.Elapsed.TotalSeconds;
        return processes.Select((p, i) =>
        {
            var cpu = (ProcessCpu.Seconds(p.Pid) ?? 0) - cpuBefore[i];
            return FormattableString.Invariant(
                $"| {phase} | {p.Name} | {elapsed:F0} | {rss[i].Average() / 1024:F1} | {rss[i].Max() / 1024.0:F1} | {cpu:F2} | {cpu / elapsed * 100:F1} | {loads.Average():F1} |");
        }).ToList();
    }

    private static async Task WaitStoredAsync(CollectorInstance collector, int total, CancellationToken ct)
    {
        while ((await collector.MetricAsync("chezlepro_ingest_messages_total{result=\"accepted\"}") ?? 0)
               + (await collector.MetricAsync("chezlepro_ingest_messages_total{result=\"duplicate\"}") ?? 0) < total)
            await Task.Delay(200, ct);
    }

    private static string Mb(long? kb) => kb is { } k ? (k / 1024.0).ToString("F1", CultureInfo.InvariantCulture) : "?";
}
