using System.Diagnostics;
using System.Globalization;
using Chezlepro.Collector.Ingest;
using Chezlepro.Mqtt;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Postgres;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// Offered-load ingest, beside <see cref="IngestBench"/>: the ten publishers offer a fixed rate for a window, and the
/// collector keeps up when every message of the window is stored within one second of its end; the rate then grows by
/// the step until it does not (or until the publishers cannot offer it). SQLite, then PostgreSQL, in the same run. Unlike
/// the drain benchmark the broker never holds a backlog for a collector that keeps up, so the ratio of the highest
/// rates is the stores' and collectors' cost, not the broker's extra work for a lagging subscriber.
/// Usage: chezlepro-collector-bench ingest-rate [seconds=10] [agents=10] [start=6000] [step=1.1].
/// </summary>
internal static class IngestRateBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var agents = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var start = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 6000;
        var step = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 1.1;
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { ExtraLines = ["max_queued_messages 10000000"] });
        Console.WriteLine(FormattableString.Invariant($"{agents} publishers, {seconds}-s windows from {start:F0} msg/s, x{step} per window"));
        var sqlite = await HighestAsync(broker, null, "sqlite", null, seconds, agents, start, step);
        await using var pg = await PostgresServer.StartAsync();
        var pooled = new Npgsql.NpgsqlConnectionStringBuilder(pg.ConnectionString) { Pooling = true }.ToString();
        var postgres = await HighestAsync(broker, pg, "postgres", pooled, seconds, agents, start, step);
        Console.WriteLine(FormattableString.Invariant(
            $"highest rate kept up: SQLite {sqlite:F0} msg/s, PostgreSQL {postgres:F0} msg/s; PostgreSQL / SQLite {postgres / Math.Max(1, sqlite):F2}x"));
        return 0;
    }

    private static async Task<double> HighestAsync(MosquittoBroker broker, PostgresServer? pg, string store, string? connectionString, int seconds,
        int agents, double start, double step)
    {
        var (app, counters, data) = await IngestBench.StartCollectorAsync(broker.Port, store, connectionString);
        var clients = new List<MqttClient>();
        try
        {
            var rounds = await IngestBench.SteadyStateAsync(broker.Port, agents, 0, counters);
            var seqs = Enumerable.Repeat((long)rounds * IngestBench.WarmUp / agents, agents).ToArray();
            clients.AddRange(await IngestBench.ConnectAgentsAsync(broker.Port, agents, $"rate-agent-{store}"));
            Console.WriteLine(FormattableString.Invariant($"collector + {store} (warm-up {rounds} x {IngestBench.WarmUp} messages):"));
            var best = 0.0;
            var expected = 0L;
            for (var rate = start; ; rate *= step)
            {
                var before = IngestBench.Cpu(broker, pg);
                var doneBefore = IngestBench.Done(counters);
                var (published, offered) = await OfferAsync(clients, seqs, rate, TimeSpan.FromSeconds(seconds));
                expected = doneBefore + published;
                var sw = Stopwatch.StartNew();
                while (IngestBench.Done(counters) < expected && sw.Elapsed < TimeSpan.FromSeconds(1)) await Task.Delay(10);
                var behind = expected - IngestBench.Done(counters);
                var after = IngestBench.Cpu(broker, pg);
                var cpu = string.Join(", ", after.Select(p => FormattableString.Invariant($"{p.Key} {(p.Value - before[p.Key]) * 1e6 / published:F0} µs")));
                Console.WriteLine(FormattableString.Invariant(
                    $"  offered {offered,6:F0} msg/s (asked {rate:F0}): {(behind <= 0 ? "kept up" : $"{behind} behind 1 s after the window")}; CPU per message: {cpu}"));
                // The publishers share the machine: a rate they cannot offer is no test of the collector.
                if (behind <= 0 && offered < rate * 0.95)
                    Console.WriteLine("  (the publishers could not offer the rate: the machine's limit was reached before the collector's)");
                if (behind > 0 || offered < rate * 0.95) break;
                best = offered;
            }
            while (IngestBench.Done(counters) < expected) await Task.Delay(50);
            return best;
        }
        finally
        {
            foreach (var c in clients) await c.DisposeAsync();
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Publishes at <paramref name="rate"/> for <paramref name="window"/>, round robin over the clients; returns what it published and at what rate.</summary>
    private static async Task<(long Published, double Offered)> OfferAsync(List<MqttClient> clients, long[] seqs, double rate, TimeSpan window)
    {
        var pending = new List<Task>((int)(rate * window.TotalSeconds) + 16);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        var sw = Stopwatch.StartNew();
        long sent = 0;
        var next = 0;
        while (sw.Elapsed < window)
        {
            var due = (long)(rate * sw.Elapsed.TotalSeconds);
            for (; sent < due; sent++, next = (next + 1) % clients.Count)
            {
                pending.Add(clients[next].PublishAsync(IngestBench.Telemetry(next, ++seqs[next]), default));
            }
            await tick.WaitForNextTickAsync();
        }
        await Task.WhenAll(pending);
        return (sent, sent / sw.Elapsed.TotalSeconds);
    }
}
