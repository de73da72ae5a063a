using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Chezlepro.Demo;

internal sealed partial class DemoSystem
{
    // Every http URL printed here answers 200 with the reader key (the demo test requests each one), except a PDF
    // without chromium (503 naming the package).
    private void PrintUrls(int brokerPort, string operatorKey, IReadOnlyList<(string Site, string Node, string Url)> agents,
        string? prometheusUrl, string? alertmanagerUrl)
    {
        var api = _collectorUrl;
        var w = _out;
        w.WriteLine();
        w.WriteLine("Chezlepro demo is running (Ctrl-C stops everything).");
        w.WriteLine($"  Collector API       {api}/api/v1/sites");
        w.WriteLine($"    curl -H 'Authorization: Bearer {_readerKey}' {api}/api/v1/sites");
        w.WriteLine($"    reader key        {_readerKey}");
        w.WriteLine($"    operator key      {operatorKey}");
        w.WriteLine($"  OpenAPI             {api}/openapi/v1.json");
        w.WriteLine($"  Metrics             {api}/metrics");
        w.WriteLine($"  SLA {Month} (JSON)   {api}/api/v1/sla/{Month}");
        w.WriteLine($"  SLA {Month} (CSV)    {api}/api/v1/sla/{Month}?format=csv");
        w.WriteLine($"  Incidents           {api}/api/v1/incidents");
        w.WriteLine($"  Failover            {api}/api/v1/failover");
        w.WriteLine($"  Client reports of {Month} (same Authorization header; French, add &lang=en for English):");
        foreach (var contract in DemoCatalog.Contracts)
        {
            w.WriteLine($"    {contract,-8} HTML    {api}/api/v1/sla/{Month}/report?contract={contract}&format=html");
            w.WriteLine($"    {contract,-8} PDF     {api}/api/v1/sla/{Month}/report?contract={contract}&format=pdf");
        }
        w.WriteLine($"  Client view (OBNL A) {api}/client/  (sign in with the client key {_clientKey})");
        foreach (var (site, node, url) in agents) w.WriteLine($"  Agent {site}/{node} status page  {url}/  (JSON {url}/api/status)");
        if (prometheusUrl is not null)
            w.WriteLine($"  Prometheus          {prometheusUrl}/classic/alerts  (API {prometheusUrl}/api/v1/rules {prometheusUrl}/api/v1/targets {prometheusUrl}/api/v1/alerts)");
        if (alertmanagerUrl is not null) w.WriteLine($"  Alertmanager        {alertmanagerUrl}/#/alerts  (API {alertmanagerUrl}/api/v2/alerts)");
        w.WriteLine($"  Broker              mqtt://127.0.0.1:{brokerPort} (mosquitto_sub -p {brokerPort} -t 'chezlepro/#' -v)");
        w.WriteLine($"  CLI                 CHEZLEPRO_URL={api} CHEZLEPRO_API_KEY={_readerKey} dotnet run --project collector/Chezlepro.Collector -- sla show {Month}");
        w.WriteLine($"  Logs and data       {_run}");
        w.WriteLine($"  Scenario            last month back-filled (web down 5 h, cluster without quorum 1 h, agents silent 2 h 30 and 1 h 30); live: web site down at "
            + $"{WebOutageAfter:m\\:ss} for {WebOutageLength:m\\:ss}, grid lost at lanaudiere at 1:00 for 5:00");
    }

    /// <summary>
    /// Waits until the collector's watermark of every node covers the back-filled history (all of it stored), then
    /// prints one line; last month's report is complete from then on.
    /// </summary>
    public async Task WaitForBackfillAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _readerKey);
        var started = TimeProvider.System.GetTimestamp();
        foreach (var (site, node, last) in _backfill)
        {
            while (await WatermarkAsync(http, site, node, cancellationToken) < last)
            {
                if (TimeProvider.System.GetElapsedTime(started) > limit)
                    throw new DemoException($"the back-fill of {site}/{node} (seq 1..{last}) was not acknowledged within {limit}; see the logs in {_run}.");
                await Task.Delay(500, cancellationToken);
            }
        }
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        _out.WriteLine($"Back-fill acknowledged: {string.Join(", ", _backfill.Select(b => $"{b.Site}/{b.Node} seq 1..{b.LastSeq}"))} stored by the collector "
            + $"({seconds:0.0} s); the {Month} report is complete.");
    }

    private async Task<long> WatermarkAsync(HttpClient http, string site, string node, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"{_collectorUrl}/api/v1/sites/{site}/nodes/{node}/delivery", cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK) return 0;
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return json.RootElement.GetProperty("watermark").GetInt64();
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }
}
