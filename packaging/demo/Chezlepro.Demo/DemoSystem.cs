using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Chezlepro.Hosting.Mqtt;

namespace Chezlepro.Demo;

/// <summary>Starts and stops the whole demo system.</summary>
internal sealed partial class DemoSystem : IAsyncDisposable
{
    private readonly string _run;
    private readonly TextWriter _out;
    private readonly List<IAsyncDisposable> _started = [];

    public DemoSystem(string runDirectory, TextWriter output)
    {
        _run = runDirectory;
        _out = output;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mosquitto = await EnsureMosquittoAsync(cancellationToken);
        var brokerPort = FreePort();
        var broker = StartBroker(mosquitto, brokerPort);
        await WaitForPortAsync(brokerPort, "mosquitto", cancellationToken);

        var readerKey = NewKey();
        var operatorKey = NewKey();
        var collectorUrl = $"http://127.0.0.1:{FreePort()}";
        var collectorConfig = Write("collector.json", new JsonObject
        {
            ["Collector"] = new JsonObject { ["Id"] = "demo", ["DataDirectory"] = Path.Combine(_run, "collector"), ["Urls"] = collectorUrl },
            // The Mqtt keys come from the one options type both services bind, so a renamed key fails this build.
            [MqttOptions.SectionName] = new JsonObject { [nameof(MqttOptions.Host)] = "127.0.0.1", [nameof(MqttOptions.Port)] = brokerPort },
            ["Api"] = new JsonObject
            {
                ["Keys"] = new JsonArray(
                    new JsonObject { ["Key"] = readerKey, ["Role"] = "reader" },
                    new JsonObject { ["Key"] = operatorKey, ["Role"] = "operator" }),
            },
        });
        _started.Add(ChildProcess.Start("collector", "dotnet", [Binary("chezlepro-collector.dll"), "--config", collectorConfig],
            Path.Combine(_run, "collector.log")));
        await WaitForPortAsync(new Uri(collectorUrl).Port, "collector", cancellationToken);
        await WaitForHealthyAsync(collectorUrl, cancellationToken);

        var agents = new List<(string Site, string Node, string Url)>();
        foreach (var (site, node) in new[] { ("lanaudiere", "pve1"), ("st-bruno", "pve1") })
        {
            var statusUrl = $"http://127.0.0.1:{FreePort()}";
            var sources = await SourcesForAsync(site, cancellationToken);
            var config = Write($"agent-{site}.json", new JsonObject
            {
                ["Agent"] = new JsonObject { ["Site"] = site, ["Node"] = node, ["DataDirectory"] = Path.Combine(_run, $"agent-{site}") },
                [MqttOptions.SectionName] = new JsonObject
                {
                    [nameof(MqttOptions.Host)] = "127.0.0.1", [nameof(MqttOptions.Port)] = brokerPort, [nameof(MqttOptions.KeepAliveSeconds)] = 10,
                },
                ["StatusPage"] = new JsonObject { ["Urls"] = statusUrl },
                ["Sources"] = sources,
            });
            _started.Add(ChildProcess.Start($"agent {site}", "dotnet", [Binary("chezlepro-agent.dll"), "--config", config],
                Path.Combine(_run, $"agent-{site}.log")));
            agents.Add((site, node, statusUrl));
        }
        _ = broker;

        _out.WriteLine();
        _out.WriteLine("Chezlepro demo is running (Ctrl-C stops everything).");
        _out.WriteLine($"  Collector API   {collectorUrl}/api/v1/sites");
        _out.WriteLine($"    curl -H 'Authorization: Bearer {readerKey}' {collectorUrl}/api/v1/sites");
        _out.WriteLine($"    reader key     {readerKey}");
        _out.WriteLine($"    operator key   {operatorKey}");
        _out.WriteLine($"  OpenAPI         {collectorUrl}/openapi/v1.json");
        _out.WriteLine($"  Metrics         {collectorUrl}/metrics");
        foreach (var (site, node, url) in agents) _out.WriteLine($"  Agent {site}/{node} status page  {url}/  (JSON {url}/api/status)");
        _out.WriteLine($"  Broker          mqtt://127.0.0.1:{brokerPort} (mosquitto_sub -p {brokerPort} -t 'chezlepro/#' -v)");
        _out.WriteLine($"  Logs and data   {_run}");
    }

    public async ValueTask DisposeAsync()
    {
        await _scenario.CancelAsync();
        _scenario.Dispose();
        // Agents first (they publish their shutdown status), then the collector, simulators, the broker.
        for (var i = _started.Count - 1; i >= 0; i--) await _started[i].DisposeAsync();
        _started.Clear();
    }

    private static string Binary(string name) => Path.Combine(AppContext.BaseDirectory, name);

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private string Write(string name, JsonObject content)
    {
        var path = Path.Combine(_run, name);
        File.WriteAllText(path, content.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The collector's durable session must exist before agents publish, or the broker has nowhere to queue.
    private static async Task WaitForHealthyAsync(string url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/healthz", cancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Still starting.
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new DemoException("the collector did not connect to the broker; see collector.log.");
    }

    private static async Task WaitForPortAsync(int port, string what, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
        throw new DemoException($"{what} did not start listening on 127.0.0.1:{port}; see its log.");
    }
}
