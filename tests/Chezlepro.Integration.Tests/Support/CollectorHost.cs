using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Collector.Hosting;
using Chezlepro.Collector.Ingest;
using Chezlepro.Collector.Storage;
using Chezlepro.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Chezlepro.Integration.Tests.Support;

/// <summary>The real collector, in process, on a loopback port, with its own SQLite file.</summary>
public sealed class CollectorHost : IAsyncDisposable
{
    public const string ReaderKey = "reader-key-for-tests-0001";
    public const string OperatorKey = "operator-key-for-tests-001";

    private readonly WebApplication _app;

    private CollectorHost(WebApplication app, string url, string dataDirectory, IngestTap tap)
    {
        _app = app;
        Tap = tap;
        Url = url;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ReaderKey);
    }

    public string Url { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public ICollectorStore Store => _app.Services.GetRequiredService<ICollectorStore>();

    public IngestCounters Counters => _app.Services.GetRequiredService<IngestCounters>();

    /// <summary>Every delivery that reached the ingest since the start.</summary>
    public IngestTap Tap { get; }

    public static async Task<CollectorHost> StartAsync(int brokerPort, int keepAliveSeconds = 5, IEnumerable<string>? extraArgs = null)
    {
        var data = Directory.CreateTempSubdirectory("collector-").FullName;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var app = CollectorApp.Build([
            "--Collector:Id=test", $"--Collector:DataDirectory={data}", $"--Collector:Urls={url}",
            "--Collector:MaxPayloadBytes=65536",
            "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={brokerPort}", $"--Mqtt:KeepAliveSeconds={keepAliveSeconds}",
            $"--Api:Keys:0:Key={ReaderKey}", "--Api:Keys:0:Role=reader",
            $"--Api:Keys:1:Key={OperatorKey}", "--Api:Keys:1:Role=operator",
            "--Logging:File:Enabled=false",
            .. extraArgs ?? [],
        ]);
        // Resolving the ingest service sets its handler on the client; the tap wraps it before anything is delivered.
        var ingest = app.Services.GetRequiredService<IngestService>();
        var tap = IngestTap.Install(app.Services.GetRequiredService<Chezlepro.Mqtt.IMqttClient>(), app.Services.GetRequiredService<IngestCounters>());
        await app.StartAsync();
        await ingest.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        return new CollectorHost(app, url, data, tap);
    }

    public async Task<JsonElement> GetAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>The node's entry in <c>/api/v1/sites</c>, or null.</summary>
    public async Task<JsonElement?> NodeAsync(string site, string node)
    {
        var sites = await GetAsync("/api/v1/sites");
        foreach (var s in sites.EnumerateArray().Where(s => s.GetProperty("site").GetString() == site))
        {
            foreach (var n in s.GetProperty("nodes").EnumerateArray())
            {
                if (n.GetProperty("node").GetString() == node) return n;
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
