using System.Diagnostics;
using System.Globalization;
using System.Text;
using Chezlepro.Collector.Hosting;
using Chezlepro.Collector.Ingest;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// Ingest rate through a real Mosquitto into the collector (SQLite, then PostgreSQL), beside the rate at which
/// <c>mosquitto_sub</c> alone drains the same stream from the same publisher (the ceiling), same run.
/// Usage: chezlepro-collector-bench ingest [messages=20000] [agents=10].
/// </summary>
internal static class IngestBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20000;
        var agents = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { ExtraLines = ["max_queued_messages 10000000"] });
        var ceiling = await CeilingAsync(broker.Port, count, agents);
        Console.WriteLine(FormattableString.Invariant($"mosquitto_sub ceiling: {count} messages in {ceiling.TotalSeconds:F2} s = {count / ceiling.TotalSeconds:F0} msg/s"));
        var sqlite = await CollectorAsync(broker.Port, count, agents, seqBase: 0, "sqlite", null);
        Console.WriteLine(FormattableString.Invariant($"collector + SQLite:    {count} messages in {sqlite.TotalSeconds:F2} s = {count / sqlite.TotalSeconds:F0} msg/s = {ceiling / sqlite:F2}x the ceiling"));
        await using var pg = await PostgresServer.StartAsync();
        // The fixture's string turns pooling off for its own admin use; a collector runs with a pool.
        var pooled = new Npgsql.NpgsqlConnectionStringBuilder(pg.ConnectionString) { Pooling = true }.ToString();
        var commitsBefore = await CommitsAsync(pg.ConnectionString);
        var postgres = await CollectorAsync(broker.Port, count, agents, seqBase: 0, "postgres", pooled);
        Console.WriteLine(FormattableString.Invariant($"collector + PostgreSQL: {count} messages in {postgres.TotalSeconds:F2} s = {count / postgres.TotalSeconds:F0} msg/s = {ceiling / postgres:F2}x the ceiling"));
        // Ingest batches are one transaction each: the commit count says how large the batches the ingest loop handed over were.
        var commits = await CommitsAsync(pg.ConnectionString) - commitsBefore;
        Console.WriteLine(FormattableString.Invariant($"PostgreSQL transactions during the run: {commits} (~{(double)count / Math.Max(1, commits):F1} messages each)"));
        Console.WriteLine(FormattableString.Invariant($"PostgreSQL / SQLite: {sqlite / postgres:F2}x (target >= 0.8); SQLite / mosquitto_sub: {ceiling / sqlite:F2}x (target >= 0.8)"));
        Console.WriteLine(sqlite / postgres >= 0.8 && ceiling / sqlite >= 0.8 ? "TARGETS MET" : "TARGET MISSED");
        return 0;
    }

    private static async Task<long> CommitsAsync(string connectionString)
    {
        await using var c = new Npgsql.NpgsqlConnection(connectionString);
        await c.OpenAsync();
        // Statistics reach the shared counters when a backend goes idle; a fresh snapshot is forced so the figure is current.
        await using (var clear = new Npgsql.NpgsqlCommand("SELECT pg_stat_clear_snapshot();", c)) await clear.ExecuteNonQueryAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database();", c);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<TimeSpan> CeilingAsync(int port, int count, int agents)
    {
        var psi = new ProcessStartInfo("mosquitto_sub") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-t", "chezlepro/v1/+/+/#", "-q", "1", "-C", count.ToString(CultureInfo.InvariantCulture), "-i", "bench-ceiling" })
            psi.ArgumentList.Add(a);
        using var sub = Process.Start(psi)!;
        var drain = sub.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        await Task.Delay(500);
        var sw = Stopwatch.StartNew();
        await PublishAsync(port, count, agents, seqBase: 1_000_000);
        await sub.WaitForExitAsync();
        await drain;
        return sw.Elapsed;
    }

    private static async Task<TimeSpan> CollectorAsync(int port, int count, int agents, long seqBase, string store, string? connectionString)
    {
        var data = Directory.CreateTempSubdirectory("bench-collector-").FullName;
        var settings = new List<string>
        {
            $"--Collector:Id=bench{store}", $"--Collector:DataDirectory={data}", $"--Collector:Urls=http://127.0.0.1:{FreePort.Next()}",
            $"--Collector:Store={store}", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={port}", "--Logging:File:Enabled=false",
        };
        if (connectionString is not null) settings.Add($"--Collector:ConnectionString={connectionString}");
        await using var app = CollectorApp.Build([.. settings]);
        await app.StartAsync();
        var ingest = app.Services.GetRequiredService<IngestService>();
        while (!ingest.IsConnected) await Task.Delay(50);
        await Task.Delay(500);
        var counters = app.Services.GetRequiredService<IngestCounters>();
        var sw = Stopwatch.StartNew();
        await PublishAsync(port, count, agents, seqBase);
        while (counters.Get(IngestResult.Accepted) + counters.Get(IngestResult.Duplicate) < count) await Task.Delay(20);
        var elapsed = sw.Elapsed;
        await app.StopAsync();
        Directory.Delete(data, recursive: true);
        return elapsed;
    }

    /// <summary>Publishes <paramref name="count"/> telemetry messages from <paramref name="agents"/> clients (sites site0…), seqs from <paramref name="seqBase"/> + 1.</summary>
    internal static async Task PublishAsync(int port, int count, int agents, long seqBase)
    {
        var clients = new List<MqttClient>();
        for (var a = 0; a < agents; a++)
        {
            var c = new MqttClient(new MqttClientOptions { Port = port, ClientId = $"bench-agent-{a}-{seqBase}", MaxInflight = 64 },
                NullLogger<MqttClient>.Instance, TimeProvider.System);
            await c.StartAsync(default);
            clients.Add(c);
        }
        var perAgent = count / agents;
        await Task.WhenAll(clients.Select((c, a) => Task.Run(async () =>
        {
            var pending = new List<Task>(perAgent);
            for (var i = 1; i <= perAgent; i++)
            {
                var payload = Encoding.UTF8.GetBytes(FormattableString.Invariant(
                    $$"""{"schema":1,"site":"site{{a}}","node":"pve1","seq":{{seqBase + i}},"ts":"2026-11-21T14:03:10.123Z","source":"victron","samples":[{"metric":"battery.soc","value":87.5,"unit":"%"},{"metric":"grid.available","value":1},{"metric":"battery.power","value":-1500,"unit":"W"},{"metric":"ac.out.power","value":1500,"unit":"W"},{"metric":"pv.power","value":0,"unit":"W"}]}"""));
                pending.Add(c.PublishAsync(new MqttApplicationMessage($"chezlepro/v1/site{a}/pve1/telemetry/victron", payload), default));
            }
            await Task.WhenAll(pending);
        })));
        foreach (var c in clients) await c.DisposeAsync();
    }
}
