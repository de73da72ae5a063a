using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Chezlepro.Agent.Bench;
using Chezlepro.Mqtt;
using Chezlepro.Simulators.Victron;
using Chezlepro.Testing;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;

// Footprint of the agent beside an anchor, same machine, same run: the real agent (host + a second host source +
// a simulated Victron GX over Modbus TCP, all every 10 s, publishing to a local Mosquitto) against zabbix_agent2
// (Debian package) answering a comparable set of passive items every 10 s (the same host values twice and four
// Modbus reads of the same simulator). Two agents run, both as build-deb.sh publishes them and with the
// Environment= lines of packaging/linux/chezlepro-agent.service: the Native AOT binary a site node runs, and the
// trimmed self-contained JIT build (-p:AgentAot=false, the fallback). Also: each agent's start to its first
// published telemetry message, and the .deb size of each. RSS from /proc/<pid>/status, CPU from /proc/<pid>/stat.
//   dotnet run -c Release --project tests/Chezlepro.Agent.Bench -- [seconds=300]
// CHEZLEPRO_PUBLISH_AGENT / CHEZLEPRO_PUBLISH_AGENT_JIT measure publishes made before (e.g. of an experiment branch).
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
var warmUp = TimeSpan.FromSeconds(Math.Min(60, seconds / 4));
string[] zabbixCandidates = ["/usr/sbin/zabbix_agent2", "/usr/sbin/zabbix_agentd"];
var zabbixBinary = zabbixCandidates.FirstOrDefault(File.Exists)
    ?? throw new InvalidOperationException("install zabbix-agent2 (apt-get install zabbix-agent2)");
var work = Directory.CreateTempSubdirectory("agent-bench-").FullName;
var repo = RepoRoot();
var aotPublish = await PublishAsync("CHEZLEPRO_PUBLISH_AGENT", "aot", true);
var jitPublish = await PublishAsync("CHEZLEPRO_PUBLISH_AGENT_JIT", "jit", false);
var debSizes = new[] { ("aot", aotPublish), ("jit", jitPublish) }.Select(p => (p.Item1, Bytes: DebSize(p.Item1, p.Item2))).ToList();
await using var victron = await VictronGxSimulator.StartAsync();
await using var broker = await MosquittoBroker.StartAsync();
var statusUrls = new List<string>();
var unitEnvironment = File.ReadLines(Path.Combine(repo, "packaging/linux/chezlepro-agent.service"))
    .Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
    .SelectMany(l => l["Environment=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
    .Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
// Zabbix accepts ListenPort 1024–32767 only; ephemeral ports are above that, so probe the range below.
var zabbixPort = Enumerable.Range(0, 100).Select(_ => Random.Shared.Next(20000, 32767)).First(PortFree);
var zabbixConf = Path.Combine(work, "zabbix_agent2.conf");
File.WriteAllText(zabbixConf, string.Join('\n', "LogType=console", "DebugLevel=2", "Server=127.0.0.1", "ServerActive=", "ListenIP=127.0.0.1",
    $"ListenPort={zabbixPort}", "Hostname=bench", $"ControlSocket={Path.Combine(work, "zabbix.sock")}", ""));

// Start to first message: a subscriber (SUBACK received) before each agent starts; the agents start one after the
// other so that neither's start-up competes with the other's.
var firstTelemetry = new ConcurrentDictionary<string, TaskCompletionSource>();
await using var watcher = new MqttClient(new MqttClientOptions { Port = broker.Port, ClientId = "bench-watcher" }, NullLogger<MqttClient>.Instance, TimeProvider.System);
watcher.MessageHandler = (m, _) =>
{
    if (firstTelemetry.TryGetValue(m.Topic.Split('/')[3], out var first)) first.TrySetResult();
    return Task.CompletedTask;
};
await watcher.StartAsync(default);
await watcher.SubscribeAsync([new MqttTopicFilter("chezlepro/v1/bench/+/telemetry/#")], default);
var startUp = new List<(string Name, TimeSpan Elapsed)>();

var processes = new List<Process> { Start(zabbixBinary, ["-c", zabbixConf, "-f"], []) };
foreach (var (node, binary) in new[] { ("aot", aotPublish), ("jit", jitPublish) })
{
    var first = firstTelemetry.GetOrAdd(node, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    var started = Stopwatch.StartNew();
    processes.Add(StartAgent(node, Path.Combine(binary, "chezlepro-agent"), [], unitEnvironment));
    await first.Task.WaitAsync(TimeSpan.FromSeconds(60));
    startUp.Add((node, started.Elapsed));
}
var samplers = new[] { new ProcessSampler(Path.GetFileName(zabbixBinary), processes[0].Id), new ProcessSampler("agent (Native AOT)", processes[1].Id),
                       new ProcessSampler("agent (trimmed JIT)", processes[2].Id) };
string[] zabbixItems =
[
    "system.cpu.load[all,avg1]", "system.cpu.load[all,avg5]", "system.cpu.load[all,avg15]", "vm.memory.size[total]",
    "vm.memory.size[available]", "vm.memory.size[pused]", "system.uptime", "vfs.fs.size[/,free]", "vfs.fs.size[/,total]",
];
string[] modbusItems =
[
    $"modbus.get[tcp://127.0.0.1:{victron.Port},100,3,817,30,uint16]", $"modbus.get[tcp://127.0.0.1:{victron.Port},227,3,3,34,uint16]",
    $"modbus.get[tcp://127.0.0.1:{victron.Port},227,3,64,32,uint16]", $"modbus.get[tcp://127.0.0.1:{victron.Port},225,3,256,20,uint16]",
];
Console.WriteLine($"running {seconds} s (warm-up {warmUp.TotalSeconds:F0} s excluded) in {work}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
var clock = Stopwatch.StartNew();
using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
var answered = 0;
var poller = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
    do
    {
        // Two host sources on the agent side: the same items twice here.
        foreach (var key in zabbixItems.Concat(zabbixItems).Concat(modbusItems))
        {
            try
            {
                if ((await ZabbixPassive.GetAsync(zabbixPort, key, cts.Token)).Length > 0) answered++;
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException) { }
        }
    }
    while (await timer.WaitForNextTickAsync(cts.Token));
}, cts.Token);
try
{
    using var sampleTimer = new PeriodicTimer(TimeSpan.FromSeconds(5));
    while (await sampleTimer.WaitForNextTickAsync(cts.Token))
    {
        foreach (var s in samplers)
        {
            if (!s.Sample(clock.Elapsed >= warmUp))
            {
                var log = Directory.GetFiles(work, $"*-{s.Pid}.log").Select(File.ReadAllText).FirstOrDefault();
                foreach (var p in processes.Where(p => !p.HasExited)) p.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{s.Name} (pid {s.Pid}) exited early:\n{log}");
            }
        }
    }
}
catch (OperationCanceledException) { }
try { await poller; } catch (OperationCanceledException) { }
var window = clock.Elapsed - warmUp;
var agentPolls = await PollsAsync();
foreach (var p in processes) { p.Kill(entireProcessTree: true); p.WaitForExit(); }

Console.WriteLine();
Console.WriteLine($"{"process",-20} {"RSS avg MB",10} {"RSS peak MB",11} {"RSS last MB",11} {"CPU s",8} {"CPU %",7} {"RSS ×zbx",9} {"CPU ×zbx",9}");
var anchor = samplers[0];
foreach (var s in samplers)
{
    var cpu = s.CpuAtEnd - (s.CpuAtWarm ?? 0);
    var anchorCpu = anchor.CpuAtEnd - (anchor.CpuAtWarm ?? 0);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{s.Name,-20} {s.AvgRssKb / 1024,10:F1} {s.PeakRssKb / 1024.0,11:F1} {s.LastRssKb / 1024.0,11:F1} {cpu,8:F2} {100 * cpu / window.TotalSeconds,7:F2} {s.AvgRssKb / anchor.AvgRssKb,9:F2} {(anchorCpu > 0 ? cpu / anchorCpu : double.NaN),9:F2}"));
}
foreach (var s in samplers)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Name}: last sample {s.LastSplitKb.AnonKb / 1024.0:F1} MB anonymous + {s.LastSplitKb.FileKb / 1024.0:F1} MB file-backed"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"window {window.TotalSeconds:F0} s; zabbix items answered {answered}; agent polls: {agentPolls}"));
foreach (var (name, elapsed) in startUp)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start to first telemetry message, agent {name}: {elapsed.TotalMilliseconds:F0} ms"));
foreach (var (name, bytes) in debSizes)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $".deb (xz), agent {name}: {bytes / 1024.0 / 1024.0:F2} MB"));
Console.WriteLine("targets: agent (Native AOT) RSS ≤ 1.0x zabbix_agent2, CPU ≤ 1.0x");
Directory.Delete(work, recursive: true);
return 0;

async Task<string> PublishAsync(string variable, string name, bool aot)
{
    if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } given) return given;
    var output = Path.Combine(work, "publish-" + name);
    Console.WriteLine($"publishing the agent as build-deb.sh does (AgentAot={aot}) into {output} ...");
    var clock = Stopwatch.StartNew();
    var publish = Process.Start("dotnet", ["publish", Path.Combine(repo, "agent/Chezlepro.Agent/Chezlepro.Agent.csproj"), "-c", "Release",
        "-r", "linux-x64", "--self-contained", "true", $"-p:AgentAot={(aot ? "true" : "false")}", "-o", output,
        "--artifacts-path", Path.Combine(work, "artifacts-" + name), "-v", "q"])!;
    await publish.WaitForExitAsync();
    if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish of the agent (AgentAot={aot}) failed");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  published in {clock.Elapsed.TotalSeconds:F0} s"));
    return output;
}

long DebSize(string name, string published)
{
    var output = Path.Combine(work, "deb-" + name);
    var psi = new ProcessStartInfo("sh") { RedirectStandardOutput = true };
    foreach (var a in new[] { Path.Combine(repo, "packaging/linux/build-deb.sh"), "linux-x64", "1.0.0", "agent" }) psi.ArgumentList.Add(a);
    psi.Environment["OUT_DIR"] = output;
    psi.Environment["CHEZLEPRO_PUBLISH_AGENT"] = published;
    using var p = Process.Start(psi)!;
    p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException($"build-deb.sh of the {name} publish failed");
    return new FileInfo(Path.Combine(output, "chezlepro-agent_1.0.0_amd64.deb")).Length;
}

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Chezlepro.Agent.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("run from inside the repository (dotnet run --project tests/Chezlepro.Agent.Bench)");
}

static bool PortFree(int port)
{
    try
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        l.Start();
        l.Stop();
        return true;
    }
    catch (System.Net.Sockets.SocketException)
    {
        return false;
    }
}

Process StartAgent(string name, string file, string[] prefix, Dictionary<string, string> env)
{
    var data = Directory.CreateDirectory(Path.Combine(work, name)).FullName;
    var config = Path.Combine(data, "agent.json");
    File.WriteAllText(config, new JsonObject
    {
        ["Agent"] = new JsonObject { ["Site"] = "bench", ["Node"] = name, ["DataDirectory"] = data },
        ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = broker.Port },
        ["StatusPage"] = new JsonObject { ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}" },
        ["Sources"] = new JsonArray(
            new JsonObject { ["Type"] = "host", ["Name"] = "host", ["Interval"] = "00:00:10" },
            new JsonObject { ["Type"] = "host", ["Name"] = "host2", ["Interval"] = "00:00:10" },
            new JsonObject { ["Type"] = "victron-gx", ["Name"] = "victron", ["Interval"] = "00:00:10", ["Host"] = "127.0.0.1", ["Port"] = victron.Port }),
    }.ToJsonString());
    statusUrls.Add(JsonNode.Parse(File.ReadAllText(config))!["StatusPage"]!["Urls"]!.GetValue<string>());
    return Start(file, [.. prefix, "--config", config], env);
}

Process Start(string file, string[] arguments, Dictionary<string, string> env)
{
    var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in arguments) psi.ArgumentList.Add(a);
    foreach (var (k, v) in env) psi.Environment[k] = v;
    var p = Process.Start(psi)!;
    var log = Path.Combine(work, Path.GetFileName(file) + "-" + p.Id + ".log");
    p.OutputDataReceived += (_, e) => { lock (psi) File.AppendAllText(log, e.Data + "\n"); };
    p.ErrorDataReceived += (_, e) => { lock (psi) File.AppendAllText(log, e.Data + "\n"); };
    p.BeginOutputReadLine();
    p.BeginErrorReadLine();
    return p;
}

async Task<string> PollsAsync()
{
    // Successes/failures per source: the footprint only counts if the agent really polled and published.
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    var parts = new List<string>();
    foreach (var url in statusUrls)
    {
        var status = JsonNode.Parse(await http.GetStringAsync(url + "/api/status"))!;
        var sources = status["sources"]!.AsArray().Select(x => $"{x!["name"]} {x["successes"]}/{x["failures"]}");
        parts.Add($"[{status["node"]}: {string.Join(", ", sources)}; published {status["published"]}]");
    }
    return string.Join(" ", parts);
}
