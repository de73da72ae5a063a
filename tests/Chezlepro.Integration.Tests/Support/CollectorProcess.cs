using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Testing;
using Chezlepro.Testing.Processes;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Integration.Tests.Support;

/// <summary>
/// The real collector as a separate process (the built <c>chezlepro-collector.dll</c>) with a config file, its own SQLite
/// data folder, a loopback API port and a reader key: what a kill -9 of the collector needs (<see cref="CollectorHost"/>
/// runs in process). The data folder outlives restarts; <see cref="DisposeAsync"/> removes it.
/// </summary>
public sealed class CollectorProcess : IAsyncDisposable
{
    private readonly ServiceProcess _process;

    /// <param name="amend">Changes to the config before it is written (another store, a group, a catalog).</param>
    public CollectorProcess(int brokerPort, int keepAliveSeconds = 5, string id = "chaos", Action<JsonObject>? amend = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("collector-process-").FullName;
        Url = $"http://127.0.0.1:{FreePort.Next()}";
        var config = new JsonObject
        {
            ["Collector"] = new JsonObject { ["Id"] = id, ["DataDirectory"] = DataDirectory, ["Urls"] = Url, ["MaxPayloadBytes"] = 65536 },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = brokerPort, ["KeepAliveSeconds"] = keepAliveSeconds },
            ["Api"] = new JsonObject { ["Keys"] = new JsonArray(new JsonObject { ["Key"] = CollectorHost.ReaderKey, ["Role"] = "reader" }) },
            ["Logging"] = new JsonObject { ["File"] = new JsonObject { ["Enabled"] = false } },
        };
        amend?.Invoke(config);
        var configPath = Path.Combine(DataDirectory, "collector.json");
        File.WriteAllText(configPath, config.ToJsonString());
        _process = new ServiceProcess("chezlepro-collector.dll", configPath);
        Http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CollectorHost.ReaderKey);
    }

    public string Url { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public string Log => _process.Log;

    public bool IsRunning => _process.IsRunning;

    public void Start() => _process.Start();

    /// <summary>Starts and waits until the API answers (the MQTT subscription follows within the same start-up).</summary>
    /// <param name="timeout">How long the start may take (40 s by default; a restart at load 100+ has taken 42 s).</param>
    public async Task StartAndWaitAsync(TimeSpan? timeout = null)
    {
        _process.Start();
        await Eventually.HoldsAsync(async () =>
        {
            // A collector that could not start (its store refused it) exits: say so now, not at the deadline.
            if (!_process.IsRunning) throw new InvalidOperationException("collector exited\n" + _process.Log);
            try
            {
                return (await Http.GetAsync("/api/v1/sites")).IsSuccessStatusCode;
            }
            // A collector still starting on a loaded machine may accept and not answer within the client's timeout.
            catch (TaskCanceledException)
            {
                return false;
            }
        }, timeout ?? TimeSpan.FromSeconds(40), () => "collector API up\n" + _process.Log);
    }

    /// <summary>SIGKILL: whatever batch it was storing is cut short.</summary>
    public void Kill() => _process.Kill();

    public Task StopAsync() => _process.StopAsync();

    /// <summary>The delivery view of one node (<c>GET …/delivery</c>), or null while the collector does not answer or knows no such node.</summary>
    public async Task<JsonElement?> DeliveryAsync(string site, string node)
    {
        try
        {
            var response = await Http.GetAsync($"/api/v1/sites/{site}/nodes/{node}/delivery");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>The value of a /metrics sample (exact series text, e.g. <c>chezlepro_ingest_messages_total{result="duplicate"}</c>), or null.</summary>
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

    /// <summary>
    /// Every stored row's seq for one node, read from the collector's SQLite file (the store itself, not the API), one
    /// entry per row: a seq stored twice would appear twice.
    /// </summary>
    public IReadOnlyList<long> StoredSeqs(string site, string node)
    {
        var path = Path.Combine(DataDirectory, "collector.db");
        if (!File.Exists(path)) return [];
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq FROM messages WHERE site = $site AND node = $node ORDER BY seq;";
        command.Parameters.AddWithValue("$site", site);
        command.Parameters.AddWithValue("$node", node);
        try
        {
            using var reader = command.ExecuteReader();
            var seqs = new List<long>();
            while (reader.Read()) seqs.Add(reader.GetInt64(0));
            return seqs;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            return []; // no messages table yet: the collector has not finished its first migration
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _process.Dispose();
        await Task.CompletedTask;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
