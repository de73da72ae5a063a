using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Testing;
using Chezlepro.Testing.Processes;

namespace Chezlepro.Fleet.Harness;

/// <summary>The collector as a process (SQLite in its data folder, or a PostgreSQL connection string), with a reader key.</summary>
internal sealed class FleetCollector : IDisposable
{
    private const string Key = "fleet-reader-key-0000000001";
    private readonly ServiceProcess _process;

    public FleetCollector(int brokerPort, JsonObject catalog, string? postgresConnectionString)
    {
        DataDirectory = Directory.CreateTempSubdirectory("fleet-collector-").FullName;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var collector = new JsonObject { ["Id"] = "fleet", ["DataDirectory"] = DataDirectory, ["Urls"] = url };
        if (postgresConnectionString is not null)
        {
            collector["Store"] = "postgres";
            collector["ConnectionString"] = postgresConnectionString;
        }
        var config = new JsonObject
        {
            ["Collector"] = collector,
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = brokerPort },
            ["Api"] = new JsonObject { ["Keys"] = new JsonArray(new JsonObject { ["Key"] = Key, ["Role"] = "reader" }) },
            ["Logging"] = new JsonObject { ["File"] = new JsonObject { ["Enabled"] = false } },
            ["Catalog"] = catalog,
        };
        var path = Path.Combine(DataDirectory, "collector.json");
        File.WriteAllText(path, config.ToJsonString());
        _process = new ServiceProcess("chezlepro-collector.dll", path);
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    public string DataDirectory { get; }

    /// <summary>The API with the reader key.</summary>
    public HttpClient Http { get; }

    public string Log => _process.Log;

    public int? Pid => _process.Pid;

    public bool IsRunning => _process.IsRunning;

    /// <summary>Path of the SQLite store (when the store is SQLite).</summary>
    public string SqlitePath => Path.Combine(DataDirectory, "collector.db");

    public async Task StartAsync(TimeSpan timeout)
    {
        _process.Start();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < timeout)
        {
            if (!_process.IsRunning) throw new InvalidOperationException("collector exited\n" + _process.Log);
            try
            {
                if ((await Http.GetAsync("/api/v1/sites")).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("collector did not answer\n" + _process.Log);
    }

    /// <summary>The delivery endpoint of a node: its watermark and the seq it counts missing (null when it does not answer).</summary>
    public async Task<(long Watermark, long Missing)?> DeliveryAsync(string site, string node)
    {
        try
        {
            var response = await Http.GetAsync($"/api/v1/sites/{site}/nodes/{node}/delivery");
            if (!response.IsSuccessStatusCode) return null;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var missing = body.GetProperty("missing").EnumerateArray().Sum(m => m.GetProperty("count").GetInt64());
            return (body.GetProperty("watermark").GetInt64(), missing);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public long? PeakRssKb() => _process.PeakRssKb();

    public Task StopAsync() => _process.StopAsync();

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
