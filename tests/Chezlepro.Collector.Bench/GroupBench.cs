using System.Diagnostics;
using System.Globalization;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Postgres;
using Chezlepro.Testing.Processes;
using Npgsql;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// Issue #16's "two collectors on one PostgreSQL ≥ 1.6× one collector": the same stream, published as
/// <see cref="IngestBench"/> does, into one collector process and then into two with the same <c>Collector:Group</c>
/// (shared subscription), side by side in one run, one Mosquitto, one PostgreSQL (a fresh database per run). Prints the
/// rate of each, the ratio, the load average, and the CPU each process spent per message, which says what bounds the
/// ratio when broker, database, generator and collectors share one machine. With a third argument each collector process
/// gets that many cores of CPU time in a cgroup of its own (<see cref="CpuQuota"/>): the collectors are then the bottleneck,
/// as when each runs on its own machine, and the ratio says how the group shares the work rather than how many cores the
/// box has left for them.
/// Usage: chezlepro-collector-bench group [messages=40000] [agents=10] [cores-per-collector].
/// </summary>
internal static class GroupBench
{
    private const string Key = "bench-reader-key-000000001";
    private const int WarmUp = 2000;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40000;
        var agents = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        double? cores = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : null;
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { ExtraLines = ["max_queued_messages 10000000"] });
        await using var pg = await PostgresServer.StartAsync();
        Console.WriteLine(FormattableString.Invariant($"{Environment.ProcessorCount} cores; {count} messages from {agents} publishers per run, after {WarmUp} to warm up"));
        if (cores is { } c) Console.WriteLine(FormattableString.Invariant($"each collector limited to {c:F2} cores (cgroup CPU quota)"));
        var one = await RunGroupAsync(broker, pg, 1, count, agents, cores);
        var two = await RunGroupAsync(broker, pg, 2, count, agents, cores);
        var ratio = two.Rate / one.Rate;
        Console.WriteLine(FormattableString.Invariant($"two collectors / one: {ratio:F2}x (target >= 1.6)"));
        Console.WriteLine(ratio >= 1.6 ? "TARGET MET" : "TARGET MISSED");
        return 0;
    }

    private static async Task<GroupRun> RunGroupAsync(MosquittoBroker broker, PostgresServer pg, int size, int count, int agents, double? cores)
    {
        var database = $"group{size}";
        await using (var admin = new NpgsqlConnection(pg.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database};", admin);
            await create.ExecuteNonQueryAsync();
        }
        // A collector at start-up on a loaded machine has waited more than the fixture's 10 s for its first connection.
        var connectionString = new NpgsqlConnectionStringBuilder(pg.ConnectionString) { Database = database, Pooling = true, Timeout = 120 }.ToString();
        var collectors = Enumerable.Range(0, size).Select(i => new CollectorInstance(broker.Port, $"bench{size}-{i}", Key,
            config => CollectorInstance.UsePostgres(config, connectionString, group: $"bench{size}"))).ToList();
        var quotas = new List<CpuQuota>();
        try
        {
            await Task.WhenAll(collectors.Select(c => c.StartAsync(TimeSpan.FromSeconds(120))));
            foreach (var c in collectors)
                while (await c.MetricAsync("chezlepro_broker_connected") != 1) await Task.Delay(100);
            foreach (var c in collectors.Where(_ => cores is not null))
                quotas.Add(CpuQuota.TryCreate(c.Pid!.Value, cores!.Value, out var why) ?? throw new InvalidOperationException($"cannot limit the collector's CPU: {why}"));
            // JIT, pools and the first partition: the same warm-up for both runs (a database each). The measured stream
            // continues the nodes' seqs where it ended; until 2026-12-06 the warm-up used seqs 10,000,000 above them, so
            // every measured batch ran against a hole of ten million seqs (a 4,096-row pending read per node and batch).
            await IngestBench.PublishAsync(broker.Port, WarmUp, agents, seqBase: 0);
            await WaitStoredAsync(collectors, WarmUp);

            var before = Cpu(collectors, broker, pg);
            var sw = Stopwatch.StartNew();
            await IngestBench.PublishAsync(broker.Port, count, agents, seqBase: WarmUp / agents);
            await WaitStoredAsync(collectors, WarmUp + count);
            var elapsed = sw.Elapsed;
            var after = Cpu(collectors, broker, pg);
            var throttled = quotas.Select(q => q.ThrottledSeconds()).ToList();
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];

            var run = new GroupRun(count / elapsed.TotalSeconds);
            Console.WriteLine(FormattableString.Invariant(
                $"{size} collector(s), group bench{size}: {count} messages in {elapsed.TotalSeconds:F2} s = {run.Rate:F0} msg/s (load average {load})"));
            var shares = await Task.WhenAll(collectors.Select(c => c.MetricAsync("chezlepro_ingest_messages_total{result=\"accepted\"}")));
            Console.WriteLine("  stored per collector: " + string.Join(", ", shares.Select(s => (s ?? 0).ToString("F0", CultureInfo.InvariantCulture))));
            if (quotas.Count > 0)
                Console.WriteLine("  held back by the quota since the start (s): " + string.Join(", ", throttled.Select(t => t.ToString("F1", CultureInfo.InvariantCulture))));
            var totalCpu = 0.0;
            foreach (var (name, seconds) in after)
            {
                var used = seconds - before[name];
                totalCpu += used;
                Console.WriteLine(FormattableString.Invariant($"  {name,-14} {used,6:F2} CPU s = {used * 1e6 / count,6:F0} µs/msg, {used / elapsed.TotalSeconds * 100,4:F0}% of a core"));
            }
            Console.WriteLine(FormattableString.Invariant(
                $"  all            {totalCpu,6:F2} CPU s = {totalCpu * 1e6 / count,6:F0} µs/msg, {totalCpu / elapsed.TotalSeconds / Environment.ProcessorCount * 100,4:F0}% of the machine"));
            return run;
        }
        finally
        {
            foreach (var q in quotas) q.Dispose();
            foreach (var c in collectors) c.Dispose();
        }
    }

    /// <summary>Waits until the collectors together counted <paramref name="total"/> messages (stored or duplicate).</summary>
    internal static async Task WaitStoredAsync(List<CollectorInstance> collectors, int total)
    {
        var sw = Stopwatch.StartNew();
        while (true)
        {
            var sum = 0.0;
            foreach (var c in collectors)
            {
                sum += await c.MetricAsync("chezlepro_ingest_messages_total{result=\"accepted\"}") ?? 0;
                sum += await c.MetricAsync("chezlepro_ingest_messages_total{result=\"duplicate\"}") ?? 0;
            }
            if (sum >= total) return;
            if (sw.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"{sum} of {total} stored after 10 min\n{collectors[0].Log}");
            await Task.Delay(200);
        }
    }

    /// <summary>CPU seconds so far of each collector, the broker, PostgreSQL (postmaster and backends) and this generator.</summary>
    internal static Dictionary<string, double> Cpu(List<CollectorInstance> collectors, MosquittoBroker broker, PostgresServer pg)
    {
        var cpu = new Dictionary<string, double>();
        for (var i = 0; i < collectors.Count; i++) cpu[$"collector {i}"] = ProcessCpu.Seconds(collectors[i].Pid!.Value) ?? 0;
        cpu["mosquitto"] = ProcessCpu.Seconds(broker.Pid!.Value) ?? 0;
        cpu["postgresql"] = ProcessCpu.TreeSeconds(pg.PostmasterPid) ?? 0;
        cpu["generator"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        return cpu;
    }

    private sealed record GroupRun(double Rate);
}
