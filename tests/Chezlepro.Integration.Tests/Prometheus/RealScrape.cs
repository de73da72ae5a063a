using System.Text.Json.Nodes;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Simulators.Victron;
using Chezlepro.Testing.Http;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Tls;
using Xunit;

namespace Chezlepro.Integration.Tests.Prometheus;

/// <summary>
/// One real scrape of both services, shared by the checks that need it: the collector in process with a catalog (so
/// the service-level gauges exist) and an agent process reading a simulated Victron GX on battery (so the power gauges
/// exist) and probing an HTTPS service (so the certificate gauge exists), both against a real Mosquitto.
/// </summary>
public sealed class RealScrape : IAsyncLifetime
{
    public const string Site = "lanaudiere";
    public const string Node = "pve1";

    private VictronGxSimulator? _gx;
    private FakeApiServer? _web;
    private MosquittoBroker? _broker;
    private CollectorHost? _collector;
    private AgentProcess? _agent;
    private string? _caPath;

    /// <summary>The collector's <c>/metrics</c> text.</summary>
    public string Collector { get; private set; } = "";

    /// <summary>The agent's <c>/metrics</c> text.</summary>
    public string Agent { get; private set; } = "";

    /// <summary>The collector's OpenAPI document.</summary>
    public string OpenApi { get; private set; } = "";

    /// <summary>Every metric family name of both scrapes (from their <c># TYPE</c> lines).</summary>
    public IReadOnlySet<string> MetricNames => ExpositionNames.Of(Collector).Concat(ExpositionNames.Of(Agent)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The family names of each scrape under its job name in packaging/prometheus/prometheus.yml.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> MetricNamesByJob => new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["chezlepro-collector"] = ExpositionNames.Of(Collector).ToHashSet(StringComparer.Ordinal),
        ["chezlepro-agent"] = ExpositionNames.Of(Agent).ToHashSet(StringComparer.Ordinal),
    };

    public async Task InitializeAsync()
    {
        _gx = await VictronGxSimulator.StartAsync();
        _gx.LoseGrid(); // battery.runtime exists only while discharging
        var (leaf, caPath) = TestCertificates.SignedByCa();
        _caPath = caPath;
        _web = new FakeApiServer(leaf).On("", FakeReply.Html());
        _broker = await MosquittoBroker.StartAsync();
        _collector = await CollectorHost.StartAsync(_broker.Port, extraArgs: [
            "--Api:ProtectMetrics=true",
            "--Catalog:Services:0:Id=web", "--Catalog:Services:0:Name=Site web", "--Catalog:Services:0:Category=critical",
            $"--Catalog:Services:0:Checks:0:Site={Site}", $"--Catalog:Services:0:Checks:0:Node={Node}", "--Catalog:Services:0:Checks:0:Check=probe.web",
            "--Catalog:Contracts:0:Id=client-a", "--Catalog:Contracts:0:Client=Client A", "--Catalog:Contracts:0:Services:0=web",
            "--Catalog:Contracts:0:MonthlyFee=100", "--Catalog:Contracts:0:Start=2026-01-01",
        ]);
        _agent = new AgentProcess(Site, Node, _broker.Port, extraSources: [
            new JsonObject
            {
                ["Type"] = "victron-gx", ["Name"] = "victron", ["Interval"] = "00:00:01", ["Host"] = "127.0.0.1", ["Port"] = _gx.Port,
                ["BatteryCapacityAh"] = 200, ["ReserveSoc"] = 10, ["RuntimeSmoothing"] = "00:00:01",
            },
            new JsonObject
            {
                ["Type"] = "probe", ["Name"] = "web", ["Interval"] = "00:00:02", ["Timeout"] = "00:00:01", ["Kind"] = "https",
                ["Url"] = $"https://localhost:{_web.Port}/", ["CaFile"] = caPath,
            },
        ]);
        _agent.Start();
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var agentUrl = $"http://127.0.0.1:{_agent.StatusPort}/metrics";
        string[] agentNeeds = ["chezlepro_battery_runtime", "_certificate_"];
        string[] collectorNeeds = ["chezlepro_service_availability_percent{", "chezlepro_node_last_seen_age_seconds{"];
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                Collector = await _collector.Http.GetStringAsync("/metrics");
                Agent = await plain.GetStringAsync(agentUrl);
                return agentNeeds.All(n => Agent.Contains(n, StringComparison.Ordinal)) && collectorNeeds.All(n => Collector.Contains(n, StringComparison.Ordinal));
            }, TimeSpan.FromSeconds(60), "both scrapes carry the power, certificate, availability and node series");
        }
        catch (TimeoutException e)
        {
            var missing = agentNeeds.Where(n => !Agent.Contains(n, StringComparison.Ordinal))
                .Concat(collectorNeeds.Where(n => !Collector.Contains(n, StringComparison.Ordinal)));
            throw new TimeoutException($"{e.Message} Missing: {string.Join(", ", missing)}.\nAgent log:\n{_agent.Log}", e);
        }
        OpenApi = await _collector.Http.GetStringAsync("/openapi/v1.json");
    }

    public async Task DisposeAsync()
    {
        if (_agent is not null) await _agent.DisposeAsync();
        if (_collector is not null) await _collector.DisposeAsync();
        if (_broker is not null) await _broker.DisposeAsync();
        if (_web is not null) await _web.DisposeAsync();
        if (_gx is not null) await _gx.DisposeAsync();
        if (_caPath is not null) File.Delete(_caPath);
    }
}
