using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Collector.Apis;
using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Hosting;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>
/// The real collector in process with failover wired the way the integrator wires it (AddCollector, which binds Catalog,
/// AddFailover, MapFailoverApi, MapAlertsApi).
/// </summary>
public sealed class FailoverCollectorHost : IAsyncDisposable
{
    public const string ReaderKey = "reader-key-for-tests-0001";
    public const string OperatorKey = "operator-key-for-tests-001";

    private readonly WebApplication _app;

    private FailoverCollectorHost(WebApplication app, string url, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ReaderKey);
    }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public static async Task<FailoverCollectorHost> StartAsync(int brokerPort, IEnumerable<string> extraArgs, string? dataDirectory = null)
    {
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("collector-failover-").FullName;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        string[] args = [
            "--Collector:Id=failover-test", $"--Collector:DataDirectory={data}",
            $"--Collector:Urls={url}", "--Logging:File:Enabled=false",
            "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={brokerPort}", "--Mqtt:KeepAliveSeconds=5",
            $"--Api:Keys:0:Key={ReaderKey}", "--Api:Keys:0:Role=reader",
            $"--Api:Keys:1:Key={OperatorKey}", "--Api:Keys:1:Role=operator",
            .. extraArgs,
        ];
        // The real collector, wired as it ships (ingest, store, failover, NOC, every API).
        var app = CollectorApp.Build(args);
        await app.StartAsync();
        await app.Services.GetRequiredService<Chezlepro.Collector.Ingest.IngestService>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        return new FailoverCollectorHost(app, url, data);
    }

    /// <summary>
    /// Makes "nothing else happened" observable instead of waited for: runs one failover round now (the same round the
    /// service runs, serialised with it), then publishes a marker on the collector's own connection and waits until the
    /// recorder has it. Every decision and NOC alert the collector published up to now, this round's included, went
    /// out on that connection before the marker (QoS 1, in order), so the recorder holds them all.
    /// </summary>
    public async Task SettleAsync(DecisionRecorder recorder)
    {
        await RoundAsync();
        var id = Guid.NewGuid().ToString("N");
        await _app.Services.GetRequiredService<IMqttClient>().PublishAsync(
            new MqttApplicationMessage(DecisionRecorder.MarkerTopicPrefix + id, ReadOnlyMemory<byte>.Empty, MqttQualityOfService.AtLeastOnce), default);
        await recorder.MarkerReceived(id).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// One failover round now, serialised with the service's own (an observation older than the engine's last is
    /// ignored): once it returns, the engines have judged the state as of now, whatever the machine's load.
    /// </summary>
    public Task RoundAsync() => _app.Services.GetRequiredService<FailoverCoordinator>().RunRoundAsync(default);

    public async Task<JsonElement> GroupAsync(string group)
    {
        var all = await Http.GetFromJsonAsync<JsonElement>("/api/v1/failover");
        return all.EnumerateArray().Single(g => g.GetProperty("group").GetString() == group);
    }

    public async Task<HttpResponseMessage> OperatorPostAsync(string path)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, path);
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        return await Http.SendAsync(req);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
