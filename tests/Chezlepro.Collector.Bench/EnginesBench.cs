using System.Diagnostics;
using System.Globalization;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Postgres;
using Chezlepro.Testing.Processes;
using Npgsql;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// Issue #16's "collector + PostgreSQL ≥ 0.8× collector + SQLite" with the collector as the bottleneck: one collector
/// process on SQLite, then one on PostgreSQL, each held to the same CPU quota (<see cref="CpuQuota"/>), the same stream
/// as <see cref="IngestBench"/>, one Mosquitto, side by side in one run. SQLite's work is inside the collector's quota;
/// PostgreSQL's is not, as when the database has a machine (or cores) of its own — the deployment PostgreSQL is for. On
/// an uncapped 2-core box <see cref="IngestBench"/> measures the other case, every process sharing the same two cores.
/// Usage: chezlepro-collector-bench engines [messages=100000] [agents=10] [cores=0.5].
/// </summary>
internal static class EnginesBench
{
    private const string Key = "bench-reader-key-000000001";

    // The collector is a process of its own here, so its JIT cannot be watched as IngestBench does: a fixed warm-up, the
    // same for both engines, of five of IngestBench's rounds (it needed 7–26 to quiet an uncapped collector's JIT).
    private const int WarmUp = 5 * IngestBench.WarmUp;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var agents = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var cores = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.5;
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { ExtraLines = ["max_queued_messages 10000000"] });
        await using var pg = await PostgresServer.StartAsync();
        Console.WriteLine(FormattableString.Invariant(
            $"{Environment.ProcessorCount} cores; {count} messages from {agents} publishers per run after {WarmUp} to warm up; the collector limited to {cores:F2} cores"));
        var sqlite = await RunAsync(broker, pg, "sqlite", count, agents, cores);
        var postgres = await RunAsync(broker, pg, "postgres", count, agents, cores);
        var ratio = postgres / sqlite;
        Console.WriteLine(FormattableString.Invariant($"PostgreSQL / SQLite, collector held to {cores:F2} cores: {ratio:F2}x (target >= 0.8)"));
        return 0;
    }

    private static async Task<double> RunAsync(MosquittoBroker broker, PostgresServer pg, string store, int count, int agents, double cores)
    {
        string? connectionString = null;
        if (store == "postgres")
        {
            await using var admin = new NpgsqlConnection(pg.ConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE engines;", admin);
            await create.ExecuteNonQueryAsync();
            connectionString = new NpgsqlConnectionStringBuilder(pg.ConnectionString) { Database = "engines", Pooling = true, Timeout = 120 }.ToString();
        }
        var collector = new CollectorInstance(broker.Port, $"engines-{store}", Key,
            config => { if (connectionString is not null) CollectorInstance.UsePostgres(config, connectionString); });
        List<CollectorInstance> collectors = [collector];
        try
        {
            await collector.StartAsync(TimeSpan.FromSeconds(120));
            while (await collector.MetricAsync("chezlepro_broker_connected") != 1) await Task.Delay(100);
            using var quota = CpuQuota.TryCreate(collector.Pid!.Value, cores, out var why) ?? throw new InvalidOperationException($"cannot limit the collector's CPU: {why}");
            await IngestBench.PublishAsync(broker.Port, WarmUp, agents, seqBase: 0);
            await GroupBench.WaitStoredAsync(collectors, WarmUp);

            var before = GroupBench.Cpu(collectors, broker, pg);
            var throttledBefore = quota.ThrottledSeconds();
            var sw = Stopwatch.StartNew();
            await IngestBench.PublishAsync(broker.Port, count, agents, seqBase: WarmUp / agents);
            await GroupBench.WaitStoredAsync(collectors, WarmUp + count);
            var elapsed = sw.Elapsed;
            var after = GroupBench.Cpu(collectors, broker, pg);
            var rate = count / elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"collector + {store}: {count} messages in {elapsed.TotalSeconds:F2} s = {rate:F0} msg/s, held back by the quota {quota.ThrottledSeconds() - throttledBefore:F1} s (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
            Console.WriteLine("  CPU per message: " + string.Join(", ", after.Select(p =>
                FormattableString.Invariant($"{p.Key} {(p.Value - before[p.Key]) * 1e6 / count:F0} µs"))));
            return rate;
        }
        finally
        {
            collector.Dispose();
        }
    }
}
