using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Chezlepro.Simulators.Http;
using Chezlepro.Simulators.Victron;

namespace Chezlepro.Demo;

internal sealed partial class DemoSystem
{
    /// <summary>When the demo's web site goes down, and for how long (an incident opens, then closes).</summary>
    public static readonly TimeSpan WebOutageAfter = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan WebOutageLength = TimeSpan.FromMinutes(4);

    private readonly CancellationTokenSource _scenario = new();

    // Each site gets its own simulated Victron GX (Modbus TCP on loopback). At lanaudiere the grid fails a
    // minute in and comes back five minutes later, so the demo shows grid-lost, a falling battery.runtime and
    // its alerts; the simulator runs its battery 30× faster than real time to make that visible. Each site also has a
    // simulated Proxmox VE (and Ceph through it) replaying recorded answers; lanaudiere has a PBS and the public web
    // site its probe watches, st-bruno the client portal.
    private async Task<JsonArray> SourcesForAsync(string site, CancellationToken cancellationToken)
    {
        var gx = await VictronGxSimulator.StartAsync();
        gx.Speed = 30;
        _started.Add(gx);
        if (site == "lanaudiere") _ = RunGridScenarioAsync(gx, _scenario.Token);
        _out.WriteLine($"  simulated Victron GX for {site} on 127.0.0.1:{gx.Port}");
        var pve = ProxmoxFixtures.ServePve(await StartServerAsync($"pve1.{site}", cancellationToken));
        _out.WriteLine($"  simulated Proxmox VE + Ceph for {site} on {pve.BaseUrl}");
        var sources = new JsonArray(
            new JsonObject { ["Type"] = "host", ["Name"] = "host", ["Interval"] = "00:00:10" },
            new JsonObject
            {
                ["Type"] = "victron-gx", ["Name"] = "victron", ["Interval"] = "00:00:05", ["Host"] = "127.0.0.1", ["Port"] = gx.Port,
                ["SystemUnitId"] = VictronGxSimulator.SystemUnit, ["VebusUnitId"] = VictronGxSimulator.VebusUnit,
                ["BatteryUnitId"] = VictronGxSimulator.BatteryUnit,
            },
            Api("proxmox", "pve", "00:00:30", pve, "monitor@pve!agent"),
            // No connection of its own: it reads cluster/ceph/status through the proxmox source's (contract.md).
            new JsonObject { ["Type"] = "ceph", ["Name"] = "ceph", ["Interval"] = "00:00:30", ["Mode"] = "proxmox-api" });
        if (site == "lanaudiere")
        {
            var pbs = ProxmoxFixtures.ServePbs(await StartServerAsync($"pbs.{site}", cancellationToken));
            _out.WriteLine($"  simulated Proxmox Backup Server for {site} on {pbs.BaseUrl}");
            var pbsSource = Api("pbs", "pbs", "00:01:00", pbs, "monitor@pbs!agent");
            pbsSource["Datastore"] = ProxmoxFixtures.PbsDatastore;
            sources.Add(pbsSource);
            _web = await StartPageAsync("<html><body><h1>Site web public</h1><p>OBNL A, PME B</p></body></html>", cancellationToken);
            _out.WriteLine($"  public web site (probe.web) on {_web.BaseUrl} — down from {WebOutageAfter:m\\:ss} for {WebOutageLength:m\\:ss}");
            sources.Add(Probe("web", _web));
            _ = RunWebOutageAsync(_web, _scenario.Token);
        }
        else
        {
            var portal = await StartPageAsync("<html><body><h1>Portail client</h1></body></html>", cancellationToken);
            _out.WriteLine($"  client portal (probe.portal) on {portal.BaseUrl}");
            sources.Add(Probe("portal", portal));
        }
        return sources;
    }

    private FixtureHttpServer? _web;

    private async Task<FixtureHttpServer> StartServerAsync(string hostName, CancellationToken cancellationToken)
    {
        var server = await FixtureHttpServer.StartAsync(SelfSignedCertificate.Create(hostName), cancellationToken);
        _started.Add(server);
        return server;
    }

    private async Task<FixtureHttpServer> StartPageAsync(string html, CancellationToken cancellationToken)
    {
        var server = await FixtureHttpServer.StartAsync(null, cancellationToken);
        server.On("", System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");
        _started.Add(server);
        return server;
    }

    // The agent pins the simulator's self-signed certificate, as an operator pins a fresh PVE's (contract.md).
    private static JsonObject Api(string type, string name, string interval, FixtureHttpServer server, string tokenId) => new()
    {
        ["Type"] = type, ["Name"] = name, ["Interval"] = interval, ["BaseUrl"] = server.BaseUrl.ToString(), ["TokenId"] = tokenId,
        ["TokenSecret"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        ["CertificateFingerprint"] = server.CertificateFingerprint, ["Timeout"] = "00:00:10",
    };

    private static JsonObject Probe(string name, FixtureHttpServer server) => new()
    {
        ["Type"] = "probe", ["Name"] = name, ["Interval"] = "00:00:10", ["Kind"] = "http", ["Url"] = server.BaseUrl.ToString(),
        ["ExpectStatus"] = 200, ["Timeout"] = "00:00:05",
    };

    private async Task RunWebOutageAsync(FixtureHttpServer web, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(WebOutageAfter, cancellationToken);
            web.Available = false;
            _out.WriteLine("  [scenario] public web site DOWN (503): probe.web goes critical, an incident opens");
            await Task.Delay(WebOutageLength, cancellationToken);
            web.Available = true;
            _out.WriteLine("  [scenario] public web site restored: the incident closes");
        }
        catch (OperationCanceledException)
        {
            // The demo is stopping.
        }
    }

    private static async Task RunGridScenarioAsync(VictronGxSimulator gx, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
            gx.LoseGrid();
            await Task.Delay(TimeSpan.FromMinutes(5), cancellationToken);
            gx.RestoreGrid();
        }
        catch (OperationCanceledException)
        {
            // The demo is stopping.
        }
    }
}
