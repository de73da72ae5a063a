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
    private readonly List<(string Site, string Node, long LastSeq)> _backfill = [];
    private string _readerKey = "";
    private string _clientKey = "";
    private string _collectorUrl = "";

    public DemoSystem(string runDirectory, TextWriter output)
    {
        _run = runDirectory;
        _out = output;
    }

    /// <summary>Last month (<c>yyyy-MM</c>), the one the back-fill covers.</summary>
    public string Month { get; private set; } = "";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        Month = DemoHistory.LastMonth(now);
        var mosquitto = await EnsureMosquittoAsync(cancellationToken);
        var brokerPort = FreePort();
        var broker = StartBroker(mosquitto, brokerPort);
        await WaitForPortAsync(brokerPort, "mosquitto", cancellationToken);
        var alertmanagerUrl = await StartAlertmanagerAsync(cancellationToken);

        _readerKey = NewKey();
        var operatorKey = NewKey();
        _clientKey = NewKey();
        _collectorUrl = $"http://127.0.0.1:{FreePort()}";
        var collector = new JsonObject { ["Id"] = "demo", ["DataDirectory"] = Path.Combine(_run, "collector"), ["Urls"] = _collectorUrl };
        var collectorConfig = Write("collector.json", new JsonObject
        {
            ["Collector"] = collector,
            // The Mqtt keys come from the one options type both services bind, so a renamed key fails this build.
            [MqttOptions.SectionName] = new JsonObject { [nameof(MqttOptions.Host)] = "127.0.0.1", [nameof(MqttOptions.Port)] = brokerPort },
            ["Api"] = new JsonObject
            {
                ["Keys"] = new JsonArray(
                    new JsonObject { ["Key"] = _readerKey, ["Role"] = "reader" },
                    new JsonObject { ["Key"] = operatorKey, ["Role"] = "operator" },
                    // The client view (/client/) for obnl-a's client; plain HTTP is accepted because the demo stays on loopback.
                    new JsonObject { ["Key"] = _clientKey, ["Role"] = "client", ["Client"] = "OBNL A", ["Name"] = "OBNL A (démo)" }),
            },
            ["Catalog"] = DemoCatalog.Build(),
            ["Noc"] = new JsonObject { ["Alertmanager"] = new JsonObject { ["Url"] = alertmanagerUrl ?? "" } },
            // Three contracts, three PDFs: a user (or the demo test) opening them together should not queue behind one Chromium.
            ["Reports"] = new JsonObject { ["MaxConcurrentPdf"] = DemoCatalog.Contracts.Count },
        });
        _started.Add(ChildProcess.Start("collector", "dotnet", [Binary("chezlepro-collector.dll"), "--config", collectorConfig],
            Path.Combine(_run, "collector.log")));
        await WaitForPortAsync(new Uri(_collectorUrl).Port, "collector", cancellationToken);
        await WaitForHealthyAsync(_collectorUrl, cancellationToken);

        var agents = new List<(string Site, string Node, string Url)>();
        foreach (var (site, node) in new[] { ("lanaudiere", "pve1"), ("st-bruno", "pve1") })
        {
            var statusUrl = $"http://127.0.0.1:{FreePort()}";
            var sources = await SourcesForAsync(site, cancellationToken);
            var data = Path.Combine(_run, $"agent-{site}");
            var last = await BackfillAsync(site, node, data, now, cancellationToken);
            _backfill.Add((site, node, last));
            _out.WriteLine($"  {site}/{node}: history from {Month}-01 written to its outbox (seq 1..{last}), delivered once the agent starts");
            var config = Write($"agent-{site}.json", new JsonObject
            {
                ["Agent"] = new JsonObject { ["Site"] = site, ["Node"] = node, ["DataDirectory"] = data },
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
        var prometheusUrl = await StartPrometheusAsync(_collectorUrl, agents, alertmanagerUrl, cancellationToken);
        PrintUrls(brokerPort, operatorKey, agents, prometheusUrl, alertmanagerUrl);
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
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
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
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still starting (a first start on a busy machine can take seconds to answer).
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
