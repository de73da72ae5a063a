using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Testing;
using Chezlepro.Testing.Processes;

namespace Chezlepro.Delivery.Bench;

/// <summary>The collector process with its SQLite store, and its delivery endpoint polled for watermarks.</summary>
internal sealed class BenchCollector : IDisposable
{
    private const string Key = "bench-reader-key-000000001";
    private readonly ServiceProcess _process;
    private readonly HttpClient _http;

    public BenchCollector(int brokerPort)
    {
        DataDirectory = Directory.CreateTempSubdirectory("bench-collector-").FullName;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var config = new JsonObject
        {
            ["Collector"] = new JsonObject { ["Id"] = "bench", ["DataDirectory"] = DataDirectory, ["Urls"] = url },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = brokerPort },
            ["Api"] = new JsonObject { ["Keys"] = new JsonArray(new JsonObject { ["Key"] = Key, ["Role"] = "reader" }) },
            ["Logging"] = new JsonObject { ["File"] = new JsonObject { ["Enabled"] = false } },
        };
        var path = Path.Combine(DataDirectory, "collector.json");
        File.WriteAllText(path, config.ToJsonString());
        _process = new ServiceProcess("chezlepro-collector.dll", path);
        _http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    public string DataDirectory { get; }

    public string Log => _process.Log;

    public int? Pid => _process.Pid;

    public async Task StartAsync()
    {
        _process.Start();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await _http.GetAsync("/api/v1/sites")).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("collector did not answer\n" + _process.Log);
    }

    public Task StopAsync() => _process.StopAsync();

    /// <summary>The node's watermark, or -1 while the collector does not know it.</summary>
    public async Task<long> WatermarkAsync(string site, string node)
    {
        try
        {
            var response = await _http.GetAsync($"/api/v1/sites/{site}/nodes/{node}/delivery");
            if (!response.IsSuccessStatusCode) return -1;
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("watermark").GetInt64();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return -1;
        }
    }

    /// <summary>Polls until every node's watermark reaches its target; returns the time it took.</summary>
    public async Task<TimeSpan> WaitForWatermarksAsync(IReadOnlyList<(string Site, string Node, long Through)> targets, TimeSpan timeout, Func<string> context)
    {
        var sw = Stopwatch.StartNew();
        var pending = targets.ToList();
        while (pending.Count > 0)
        {
            if (sw.Elapsed > timeout) throw new TimeoutException($"{pending.Count} watermarks not current after {timeout}\n{context()}");
            var reached = new List<(string, string, long)>();
            foreach (var t in pending)
            {
                if (await WatermarkAsync(t.Site, t.Node) >= t.Through) reached.Add(t);
            }
            pending.RemoveAll(reached.Contains);
            if (pending.Count > 0) await Task.Delay(100);
        }
        return sw.Elapsed;
    }

    public void Dispose()
    {
        _http.Dispose();
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
