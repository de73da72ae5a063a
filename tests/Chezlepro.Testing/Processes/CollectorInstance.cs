using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Chezlepro.Testing.Processes;

/// <summary>
/// The collector as a process for the bench and fleet tools (the built <c>chezlepro-collector.dll</c> next to the
/// caller): a config file in its own data folder (SQLite there by default), a loopback API port, a reader key, and
/// the reads a measurement needs (/metrics samples, CPU, peak RSS). <see cref="Dispose"/> kills it and removes the folder.
/// </summary>
public sealed class CollectorInstance : IDisposable
{
    private readonly ServiceProcess _process;

    /// <param name="brokerPort">Loopback Mosquitto port.</param>
    /// <param name="id">Collector:Id (also its MQTT client id's suffix: two instances need two ids).</param>
    /// <param name="readerKey">API key given the reader role, sent on every <see cref="Http"/> request.</param>
    /// <param name="amend">Changes to the config before it is written (a catalog, keys, a store).</param>
    public CollectorInstance(int brokerPort, string id, string readerKey, Action<JsonObject>? amend = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory($"collector-{id}-").FullName;
        Url = $"http://127.0.0.1:{FreePort.Next()}";
        var config = new JsonObject
        {
            ["Collector"] = new JsonObject { ["Id"] = id, ["DataDirectory"] = DataDirectory, ["Urls"] = Url },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = brokerPort },
            ["Api"] = new JsonObject { ["Keys"] = new JsonArray(new JsonObject { ["Key"] = readerKey, ["Role"] = "reader" }) },
            ["Logging"] = new JsonObject { ["File"] = new JsonObject { ["Enabled"] = false } },
        };
        amend?.Invoke(config);
        var path = Path.Combine(DataDirectory, "collector.json");
        File.WriteAllText(path, config.ToJsonString());
        _process = new ServiceProcess("chezlepro-collector.dll", path);
        Http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", readerKey);
    }

    /// <summary>The collector's data folder (its config, and its SQLite store when it has one).</summary>
    public string DataDirectory { get; }

    /// <summary>Base address of its API.</summary>
    public string Url { get; }

    /// <summary>The API with the reader key.</summary>
    public HttpClient Http { get; }

    /// <summary>Console output of every run so far.</summary>
    public string Log => _process.Log;

    /// <summary>Process id of the current run.</summary>
    public int? Pid => _process.Pid;

    /// <summary>True while the current run is alive.</summary>
    public bool IsRunning => _process.IsRunning;

    /// <summary>Path of the SQLite store (when the store is SQLite).</summary>
    public string SqlitePath => Path.Combine(DataDirectory, "collector.db");

    /// <summary>Sets the PostgreSQL store (and, when given, the <c>Collector:Group</c>) on a config being amended.</summary>
    public static void UsePostgres(JsonObject config, string connectionString, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var collector = config["Collector"]!.AsObject();
        collector["Store"] = "postgres";
        collector["ConnectionString"] = connectionString;
        if (group is not null) collector["Group"] = group;
    }

    /// <summary>Starts and waits until the API answers; throws when the process exits or <paramref name="timeout"/> passes.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        _process.Start();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < timeout)
        {
            if (!_process.IsRunning) throw new InvalidOperationException("collector exited\n" + _process.Log);
            try
            {
                using var response = await Http.GetAsync("/api/v1/sites");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("collector did not answer\n" + _process.Log);
    }

    /// <summary>The value of a /metrics sample (exact series text, e.g. <c>chezlepro_broker_connected</c>), or null when absent or not answering.</summary>
    public async Task<double?> MetricAsync(string series)
    {
        try
        {
            var text = await Http.GetStringAsync("/metrics");
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Peak resident set of the current run, in KiB; null once it has exited.</summary>
    public long? PeakRssKb() => _process.PeakRssKb();

    /// <summary>SIGKILL.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM and wait.</summary>
    public Task StopAsync() => _process.StopAsync();

    /// <inheritdoc />
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
