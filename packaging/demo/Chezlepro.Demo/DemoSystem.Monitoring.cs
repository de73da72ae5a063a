namespace Chezlepro.Demo;

internal sealed partial class DemoSystem
{
    private const string PrometheusBinary = "/usr/bin/prometheus";
    private const string AlertmanagerBinary = "/usr/bin/prometheus-alertmanager";

    // Alertmanager (Debian prometheus-alertmanager) before the collector, which posts its NOC alerts to it; null when
    // the package is missing (one line says so and the demo goes on without it).
    private async Task<string?> StartAlertmanagerAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(AlertmanagerBinary))
        {
            _out.WriteLine("  Alertmanager skipped: not installed (sudo apt-get install -y prometheus-alertmanager)");
            return null;
        }
        var port = FreePort();
        // One receiver with no integration: the demo shows the alerts in Alertmanager's UI and API, it pages no one.
        var config = Path.Combine(_run, "alertmanager.yml");
        await File.WriteAllLinesAsync(config,
        [
            "route:",
            "  receiver: demo",
            "  group_by: [alertname, priority, site, node]",
            "receivers:",
            "  - name: demo",
        ], cancellationToken);
        _started.Add(ChildProcess.Start("alertmanager", AlertmanagerBinary,
        [
            "--config.file=" + config, "--storage.path=" + Directory.CreateDirectory(Path.Combine(_run, "alertmanager")).FullName,
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=",
        ], Path.Combine(_run, "alertmanager.log")));
        await WaitForPortAsync(port, "alertmanager", cancellationToken);
        return $"http://127.0.0.1:{port}";
    }

    // Prometheus (Debian prometheus) with the shipped rules (packaging/prometheus/rules, copied next to the demo),
    // scraping the collector and the agents with the job names and labels the rules expect.
    private async Task<string?> StartPrometheusAsync(string collectorUrl, IReadOnlyList<(string Site, string Node, string Url)> agents,
        string? alertmanagerUrl, CancellationToken cancellationToken)
    {
        if (!File.Exists(PrometheusBinary))
        {
            _out.WriteLine("  Prometheus skipped: not installed (sudo apt-get install -y prometheus)");
            return null;
        }
        var port = FreePort();
        var rules = Path.Combine(AppContext.BaseDirectory, "prometheus", "rules");
        var lines = new List<string>
        {
            "global:",
            "  scrape_interval: 15s",
            "  evaluation_interval: 15s",
            "rule_files:",
            $"  - {rules}/*.rules.yml",
        };
        if (alertmanagerUrl is not null)
        {
            lines.AddRange(["alerting:", "  alertmanagers:", "    - static_configs:", $"        - targets: [\"{new Uri(alertmanagerUrl).Authority}\"]"]);
        }
        lines.AddRange(["scrape_configs:", "  - job_name: chezlepro-collector", "    static_configs:", $"      - targets: [\"{new Uri(collectorUrl).Authority}\"]",
            "  - job_name: chezlepro-agent", "    static_configs:"]);
        foreach (var (site, node, url) in agents)
            lines.AddRange([$"      - targets: [\"{new Uri(url).Authority}\"]", $"        labels: {{site: {site}, node: {node}}}"]);
        var config = Path.Combine(_run, "prometheus.yml");
        await File.WriteAllLinesAsync(config, lines, cancellationToken);
        _started.Add(ChildProcess.Start("prometheus", PrometheusBinary,
        [
            "--config.file=" + config, "--storage.tsdb.path=" + Directory.CreateDirectory(Path.Combine(_run, "prometheus")).FullName,
            $"--web.listen-address=127.0.0.1:{port}",
        ], Path.Combine(_run, "prometheus.log")));
        await WaitForPortAsync(port, "prometheus", cancellationToken);
        return $"http://127.0.0.1:{port}";
    }
}
