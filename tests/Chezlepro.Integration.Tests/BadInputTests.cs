using System.Text;
using Chezlepro.Collector.Ingest;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Mqtt;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Integration.Tests;

/// <summary>Issue 2: garbage published straight to the broker is counted and dropped; the collector keeps working.</summary>
[Trait("Category", "Integration")]
public sealed class BadInputTests
{
    [Fact]
    public async Task MalformedWrongSchemaMismatchedOversized_EachCounted_CollectorKeepsIngesting()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var collector = await CollectorHost.StartAsync(broker.Port);
        await using var client = new MqttClient(new MqttClientOptions { Port = broker.Port, ClientId = "bad-input" },
            NullLogger<MqttClient>.Instance, TimeProvider.System);
        await client.StartAsync(default);
        await Eventually.HoldsAsync(async () => (await new HttpClient().GetAsync(collector.Url + "/healthz")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), "collector subscribed");

        async Task Send(string topic, string payload) =>
            await client.PublishAsync(new MqttApplicationMessage(topic, Encoding.UTF8.GetBytes(payload)), default);
        const string T = "chezlepro/v1/lanaudiere/pve1/telemetry/host";
        await Send(T, "{\"schema\":1,\"site\":");
        await Send(T, "\u00ff\u00fe not json at all");
        await Send(T, """{"schema":2,"site":"lanaudiere","node":"pve1","seq":1,"ts":"2026-11-21T14:00:00.000Z","source":"host","samples":[]}""");
        await Send(T, """{"schema":1,"site":"lanaudiere","node":"pve1","ts":"2026-11-21T14:00:00.000Z","source":"host"}""");
        await Send(T, """{"schema":1,"site":"st-bruno","node":"pve1","seq":2,"ts":"2026-11-21T14:00:00.000Z","source":"host","samples":[]}""");
        await Send(T, "{\"pad\":\"" + new string('x', 100_000) + "\"}");
        await Send("chezlepro/v1/lanaudiere/pve1/unknown-kind", "{}");
        await Send(T, """{"schema":1,"site":"lanaudiere","node":"pve1","seq":7,"ts":"2026-11-21T14:00:00.000Z","source":"host","samples":[{"metric":"host.load1","value":0.5}]}""");

        await Eventually.HoldsAsync(() => Task.FromResult(collector.Counters.Get(IngestResult.Accepted) >= 1), TimeSpan.FromSeconds(10), "valid message stored");
        Assert.Equal(2, collector.Counters.Get(RejectCause.Json));
        Assert.Equal(2, collector.Counters.Get(RejectCause.Schema));
        Assert.Equal(1, collector.Counters.Get(RejectCause.Identity));
        Assert.Equal(1, collector.Counters.Get(RejectCause.Oversized));
        // The collector subscribes to the exact agent topics (not +/+/#, which would echo its own acks back): a
        // topic of no contract kind never reaches it.
        Assert.Equal(0, collector.Counters.Get(RejectCause.Topic));
        Assert.Equal([7L], await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default));
        Assert.Null(await collector.NodeAsync("st-bruno", "pve1"));
        var metrics = await new HttpClient().GetStringAsync(collector.Url + "/metrics");
        Assert.Contains("chezlepro_ingest_rejected_total{cause=\"identity\"} 1", metrics, StringComparison.Ordinal);
        await client.StopAsync(default);
    }
}
