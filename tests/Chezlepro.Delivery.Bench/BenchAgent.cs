using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Testing;
using Chezlepro.Testing.Delivery;
using Chezlepro.Testing.Processes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Delivery.Bench;

/// <summary>An agent process over a pre-filled outbox; its own host source polls once an hour so the backlog is the load.</summary>
internal sealed class BenchAgent : IDisposable
{
    private readonly ServiceProcess _process;

    private BenchAgent(string site, string node, string dataDirectory, int statusPort, ServiceProcess process)
    {
        Site = site;
        StatusPort = statusPort;
        Node = node;
        DataDirectory = dataDirectory;
        _process = process;
    }

    public string Site { get; }

    public string Node { get; }

    public string DataDirectory { get; }

    public int StatusPort { get; }

    private string ConfigPath => Path.Combine(DataDirectory, "agent.json");

    public string OutboxPath => Path.Combine(DataDirectory, "outbox.db");

    /// <summary>Last seq of the seeded backlog.</summary>
    public long LastSeeded { get; private set; }

    public string Log => _process.Log;

    public int? Pid => _process.Pid;

    /// <summary>Creates the data folder and config, and seeds <paramref name="count"/> telemetry rows with the agent's own schema.</summary>
    public static async Task<BenchAgent> CreateAsync(string site, string node, int brokerPort, int count)
    {
        var data = Directory.CreateTempSubdirectory($"bench-agent-{node}-").FullName;
        var statusPort = FreePort.Next();
        var config = new JsonObject
        {
            ["Agent"] = new JsonObject { ["Site"] = site, ["Node"] = node, ["DataDirectory"] = data },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = brokerPort },
            ["StatusPage"] = new JsonObject { ["Urls"] = $"http://127.0.0.1:{statusPort}" },
            ["Logging"] = new JsonObject { ["File"] = new JsonObject { ["Enabled"] = false } },
            ["Sources"] = new JsonArray(new JsonObject { ["Type"] = "host", ["Name"] = "host", ["Interval"] = "01:00:00" }),
        };
        var path = Path.Combine(data, "agent.json");
        await File.WriteAllTextAsync(path, config.ToJsonString());
        var agent = new BenchAgent(site, node, data, statusPort, new ServiceProcess("chezlepro-agent.dll", path));
        await using (var outbox = new SqliteOutbox(agent.OutboxPath, new OutboxOptions(), TimeProvider.System, NullLogger<SqliteOutbox>.Instance))
            await outbox.InitializeAsync(default);
        SqliteConnection.ClearAllPools();
        agent.LastSeeded = OutboxSeed.AppendTelemetry(agent.OutboxPath, site, node, count);
        // A backlog is drained by an outbox that has met its collector before: a fresh file would first hold for the
        // node's retained watermark (Forwarder.FreshHold), which is not what is measured here.
        using (var c = new SqliteConnection($"Data Source={agent.OutboxPath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = 0 WHERE key = 'fresh';";
            cmd.ExecuteNonQuery();
        }
        return agent;
    }

    public void Start() => _process.Start();

    /// <summary>Changes the config file before the start.</summary>
    public void AmendConfig(Action<JsonObject> amend)
    {
        var config = JsonNode.Parse(File.ReadAllText(ConfigPath))!.AsObject();
        amend(config);
        File.WriteAllText(ConfigPath, config.ToJsonString());
    }

    /// <summary>Waits until the agent's status page counts <paramref name="count"/> messages published (PUBACK seen).</summary>
    public async Task WaitPublishedAsync(long count, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (sw.Elapsed < timeout)
        {
            try
            {
                var status = await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{StatusPort}/api/status");
                if (status.GetProperty("published").GetInt64() >= count) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"agent {Node} did not publish {count} messages within {timeout}\n{Log}");
    }

    public Task StopAsync() => _process.StopAsync();

    public long? PeakRssKb() => _process.PeakRssKb();

    /// <summary>Bytes of the outbox file and its WAL.</summary>
    public long OutboxBytes() =>
        new[] { OutboxPath, OutboxPath + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);

    public void Dispose()
    {
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
