using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Chezlepro.Collector.Hosting;
using Chezlepro.Collector.Ingest;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Postgres;
using Chezlepro.Testing.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// Ingest rate through a real Mosquitto into the collector (SQLite, then PostgreSQL), beside the rate at which
/// <c>mosquitto_sub</c> alone drains the same stream from the same publisher (the ceiling), same run.
/// Usage: chezlepro-collector-bench ingest [messages=20000] [agents=10] [broker-inflight=20]. The last is Mosquitto's
/// <c>max_inflight_messages</c> for the three runs alike (packaging/mosquitto/mosquitto.conf says what production uses).
/// It did not change the collector's batches on 2026-12-06 (~116 messages per transaction at 20 and at 1,000).
/// </summary>
internal static class IngestBench
{
    internal const int WarmUp = 10_000;
    private const int MaxWarmUpRounds = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20000;
        var agents = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var inflight = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions
        {
            ExtraLines = ["max_queued_messages 10000000", FormattableString.Invariant($"max_inflight_messages {inflight}")],
        });
        Console.WriteLine(FormattableString.Invariant($"{count} messages from {agents} publishers; Mosquitto max_inflight_messages {inflight}"));
        var ceiling = await CeilingAsync(broker.Port, count, agents);
        Console.WriteLine(FormattableString.Invariant($"mosquitto_sub ceiling: {count} messages in {ceiling.TotalSeconds:F2} s = {count / ceiling.TotalSeconds:F0} msg/s"));
        var sqlite = await CollectorAsync(broker, count, agents, seqBase: 0, "sqlite", null, null);
        Console.WriteLine(FormattableString.Invariant($"collector + SQLite:    {count} messages in {sqlite.TotalSeconds:F2} s = {count / sqlite.TotalSeconds:F0} msg/s = {ceiling / sqlite:F2}x the ceiling"));
        // pg_stat_statements (in Debian's postgresql package) says where the database's time per batch goes.
        await using var pg = await PostgresServer.StartAsync("shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all");
        await using (var admin = new Npgsql.NpgsqlConnection(pg.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand("CREATE EXTENSION pg_stat_statements;", admin);
            await create.ExecuteNonQueryAsync();
        }
        // The fixture's string turns pooling off for its own admin use; a collector runs with a pool.
        var pooled = new Npgsql.NpgsqlConnectionStringBuilder(pg.ConnectionString) { Pooling = true }.ToString();
        var postgres = await CollectorAsync(broker, count, agents, seqBase: 0, "postgres", pooled, pg);
        Console.WriteLine(FormattableString.Invariant($"collector + PostgreSQL: {count} messages in {postgres.TotalSeconds:F2} s = {count / postgres.TotalSeconds:F0} msg/s = {ceiling / postgres:F2}x the ceiling"));
        await PrintStatementsAsync(pg.ConnectionString, count);
        Console.WriteLine(FormattableString.Invariant($"PostgreSQL / SQLite: {sqlite / postgres:F2}x (target >= 0.8); SQLite / mosquitto_sub: {ceiling / sqlite:F2}x (target >= 0.8)"));
        Console.WriteLine(sqlite / postgres >= 0.8 && ceiling / sqlite >= 0.8 ? "TARGETS MET" : "TARGET MISSED");
        return 0;
    }

    /// <summary>The statements that took the database's time during the run (pg_stat_statements), per message.</summary>
    private static async Task PrintStatementsAsync(string connectionString, int count)
    {
        await using var c = new Npgsql.NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("""
            SELECT calls, total_exec_time, total_plan_time, rows, regexp_replace(left(query, 90), '\s+', ' ', 'g')
            FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' ORDER BY total_exec_time + total_plan_time DESC LIMIT 12;
            """, c);
        await using var r = await cmd.ExecuteReaderAsync();
        Console.WriteLine("  PostgreSQL time by statement (exec + plan), per message stored:");
        var total = 0.0;
        while (await r.ReadAsync())
        {
            var ms = r.GetDouble(1) + r.GetDouble(2);
            total += ms;
            Console.WriteLine(FormattableString.Invariant($"  {ms * 1000 / count,7:F2} µs/msg {r.GetInt64(0),7} calls {r.GetInt64(3),8} rows  {r.GetString(4)}"));
        }
        Console.WriteLine(FormattableString.Invariant($"  {total * 1000 / count,7:F2} µs/msg in these statements"));
    }

    private static async Task ResetStatementsAsync(string connectionString)
    {
        await using var c = new Npgsql.NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_stat_statements_reset();", c);
        await cmd.ExecuteNonQueryAsync();
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
        // The publishers' code is warmed as the collector's is (nobody subscribes yet: the broker drops these).
        for (var i = 0; i < 3; i++) await PublishAsync(port, WarmUp, agents, seqBase: 2_000_000 + i * WarmUp);
        using var sub = Process.Start(psi)!;
        var drain = sub.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        await Task.Delay(500);
        var sw = Stopwatch.StartNew();
        await PublishAsync(port, count, agents, seqBase: 1_000_000);
        await sub.WaitForExitAsync();
        await drain;
        return sw.Elapsed;
    }

    private static async Task<TimeSpan> CollectorAsync(MosquittoBroker broker, int count, int agents, long seqBase, string store, string? connectionString,
        PostgresServer? pg)
    {
        var port = broker.Port;
        var (app, counters, data) = await StartCollectorAsync(port, store, connectionString);
        await using var disposeApp = app;
        // Warm-up, the same for both engines (SteadyStateAsync): the JIT, pools, prepared statements and the month's partition
        // are then in the state a collector running for months is in. The measured stream continues each node's seqs where the warm-up ended, as a live agent's do (a warm-up on seqs far
        // above them would leave a hole of millions the delivery walk is then measured against).
        var rounds = await SteadyStateAsync(port, agents, seqBase, counters);
        var warmed = rounds * WarmUp;
        // Statement times and commits below count the measured run only.
        var commitsBefore = 0L;
        if (pg is not null)
        {
            await ResetStatementsAsync(pg.ConnectionString);
            commitsBefore = await CommitsAsync(pg.ConnectionString);
        }
        var before = Cpu(broker, pg);
        var jitBefore = JitInfo.GetCompilationTime();
        var gcBefore = GcFigures.Now();
        var sw = Stopwatch.StartNew();
        await PublishAsync(port, count, agents, seqBase + warmed / agents);
        while (Done(counters) < warmed + count) await Task.Delay(20);
        var elapsed = sw.Elapsed;
        var after = Cpu(broker, pg);
        Console.WriteLine(FormattableString.Invariant(
            $"  warm-up {rounds} x {WarmUp} messages; JIT during the measured run {(JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds:F0} ms"));
        Console.WriteLine("  " + GcFigures.Now().Since(gcBefore));
        if (pg is not null)
        {
            // Ingest batches are one transaction each: the commit count says how large the batches the ingest loop handed over were.
            var commits = await CommitsAsync(pg.ConnectionString) - commitsBefore;
            Console.WriteLine(FormattableString.Invariant($"  PostgreSQL transactions during the run: {commits} (~{(double)count / Math.Max(1, commits):F1} messages each)"));
        }
        // The machine's cores are shared by all of these: the ratio between engines is the ratio of their CPU per message.
        Console.WriteLine("  CPU per message: " + string.Join(", ", after.Select(p =>
            FormattableString.Invariant($"{p.Key} {(p.Value - before[p.Key]) * 1e6 / count:F0} µs"))) +
            FormattableString.Invariant($", all {after.Sum(p => p.Value - before[p.Key]) * 1e6 / count:F0} µs"));
        await app.StopAsync();
        Directory.Delete(data, recursive: true);
        return elapsed;
    }

    /// <summary>Starts a collector on <paramref name="store"/> subscribed to the broker on <paramref name="port"/>; its data directory is returned for removal.</summary>
    internal static async Task<(WebApplication App, IngestCounters Counters, string Data)> StartCollectorAsync(int port, string store, string? connectionString)
    {
        var data = Directory.CreateTempSubdirectory("bench-collector-").FullName;
        var settings = new List<string>
        {
            $"--Collector:Id=bench{store}", $"--Collector:DataDirectory={data}", $"--Collector:Urls=http://127.0.0.1:{FreePort.Next()}",
            $"--Collector:Store={store}", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={port}", "--Logging:File:Enabled=false",
        };
        if (connectionString is not null) settings.Add($"--Collector:ConnectionString={connectionString}");
        var app = CollectorApp.Build([.. settings]);
        await app.StartAsync();
        var ingest = app.Services.GetRequiredService<IngestService>();
        while (!ingest.IsConnected) await Task.Delay(50);
        await Task.Delay(500);
        return (app, app.Services.GetRequiredService<IngestCounters>(), data);
    }

    /// <summary>Messages the collector has finished with (stored or recognised as duplicates).</summary>
    internal static long Done(IngestCounters counters) => counters.Get(IngestResult.Accepted) + counters.Get(IngestResult.Duplicate);

    /// <summary>
    /// Publishes rounds of <see cref="WarmUp"/> messages until two in a row cost the JIT under 1 % of their time (at most
    /// <see cref="MaxWarmUpRounds"/>); returns how many were published. One fixed round was not enough: tiered compilation
    /// (tier 0, instrumented, then tier 1 after its call-counting delay) still took 14 % of the machine's samples during the
    /// measured SQLite run and 20 % during the PostgreSQL one (perf, 2026-12-06), a cost a collector running for months
    /// does not pay.
    /// </summary>
    internal static async Task<int> SteadyStateAsync(int port, int agents, long seqBase, IngestCounters counters)
    {
        var (rounds, quiet) = (0, 0);
        while (rounds < MaxWarmUpRounds && quiet < 2)
        {
            var jit = JitInfo.GetCompilationTime();
            var sw = Stopwatch.StartNew();
            await PublishAsync(port, WarmUp, agents, seqBase + (long)rounds * WarmUp / agents);
            rounds++;
            while (Done(counters) < rounds * WarmUp) await Task.Delay(20);
            quiet = JitInfo.GetCompilationTime() - jit < sw.Elapsed / 100 ? quiet + 1 : 0;
        }
        return rounds;
    }

    /// <summary>CPU seconds so far of this process (the collector and the publishers), Mosquitto and PostgreSQL (postmaster and backends).</summary>
    internal static Dictionary<string, double> Cpu(MosquittoBroker broker, PostgresServer? pg)
    {
        var cpu = new Dictionary<string, double>
        {
            ["bench process (collector + publishers)"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
            ["mosquitto"] = ProcessCpu.Seconds(broker.Pid!.Value) ?? 0,
        };
        if (pg is not null)
        {
            cpu["postgresql"] = ProcessCpu.TreeSeconds(pg.PostmasterPid) ?? 0;
        }
        return cpu;
    }

    /// <summary>One Victron telemetry message of node pve1 at site<paramref name="agent"/>.</summary>
    internal static MqttApplicationMessage Telemetry(int agent, long seq) => new($"chezlepro/v1/site{agent}/pve1/telemetry/victron",
        Encoding.UTF8.GetBytes(FormattableString.Invariant(
            $$"""{"schema":1,"site":"site{{agent}}","node":"pve1","seq":{{seq}},"ts":"2026-11-21T14:03:10.123Z","source":"victron","samples":[{"metric":"battery.soc","value":87.5,"unit":"%"},{"metric":"grid.available","value":1},{"metric":"battery.power","value":-1500,"unit":"W"},{"metric":"ac.out.power","value":1500,"unit":"W"},{"metric":"pv.power","value":0,"unit":"W"}]}""")));

    /// <summary>Connects <paramref name="agents"/> publishing clients, client ids <paramref name="prefix"/>-0…; the caller disposes them.</summary>
    internal static async Task<List<MqttClient>> ConnectAgentsAsync(int port, int agents, string prefix)
    {
        var clients = new List<MqttClient>();
        for (var a = 0; a < agents; a++)
        {
            var c = new MqttClient(new MqttClientOptions { Port = port, ClientId = $"{prefix}-{a}", MaxInflight = 64 },
                NullLogger<MqttClient>.Instance, TimeProvider.System);
            await c.StartAsync(default);
            clients.Add(c);
        }
        return clients;
    }

    /// <summary>Publishes <paramref name="count"/> telemetry messages from <paramref name="agents"/> clients (sites site0…), seqs from <paramref name="seqBase"/> + 1.</summary>
    internal static async Task PublishAsync(int port, int count, int agents, long seqBase)
    {
        var clients = await ConnectAgentsAsync(port, agents, $"bench-agent-{seqBase}");
        var perAgent = count / agents;
        await Task.WhenAll(clients.Select((c, a) => Task.Run(async () =>
        {
            var pending = new List<Task>(perAgent);
            for (var i = 1; i <= perAgent; i++)
            {
                pending.Add(c.PublishAsync(Telemetry(a, seqBase + i), default));
            }
            await Task.WhenAll(pending);
        })));
        foreach (var c in clients) await c.DisposeAsync();
    }
}
