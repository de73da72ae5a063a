using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Mqtt;
using Chezlepro.Testing.Faults;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests;

/// <summary>
/// Issue 15, a lost outbox file: a real agent and a real Mosquitto; the test plays the collector (reads the telemetry,
/// publishes the retained watermark). After the node's outbox.db is deleted the new file adopts the retained watermark:
/// its rows go out above it instead of under seqs the collector would drop as duplicates.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboxLossTests(ITestOutputHelper output)
{
    private const string Node = "chezlepro/v1/lanaudiere/pve1";

    [Fact]
    public async Task OutboxFileDeleted_NewFileAdoptsRetainedWatermark_SendsAboveIt()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var received = new ConcurrentQueue<long>();
        await using var collector = await CollectorAsync(broker.Port, received);
        await using var agent = new AgentProcess("lanaudiere", "pve1", broker.Port);
        agent.Start();
        await Eventually.HoldsAsync(() => Task.FromResult(received.Count >= 20), TimeSpan.FromSeconds(60), "telemetry received\n" + agent.Log);
        var through = received.Max();
        await AckAsync(collector, through);
        await Eventually.HoldsAsync(async () => (await OutboxAsync(agent))?.GetProperty("watermark").GetInt64() == through,
            TimeSpan.FromSeconds(20), "watermark applied\n" + agent.Log);

        // The disk is replaced: the agent comes back with no outbox.db, the broker still holds the node's watermark.
        await agent.StopAsync();
        foreach (var file in Directory.GetFiles(agent.DataDirectory, "outbox.db*")) File.Delete(file);
        received.Clear();
        agent.Start();

        await Eventually.HoldsAsync(() => Task.FromResult(received.Contains(through + 1) && received.Count(s => s > through) >= 5),
            TimeSpan.FromSeconds(60), () => "new rows above the adopted watermark\n" + agent.Log);
        var outbox = (await OutboxAsync(agent))!.Value;
        Assert.True(outbox.GetProperty("watermark").GetInt64() >= through, outbox.ToString());
        Assert.True(outbox.GetProperty("nextSeq").GetInt64() > through + 5, outbox.ToString());
        Assert.Contains("adopted", agent.Log, StringComparison.Ordinal);

        // The collector acknowledges what it now stores: the watermark goes on from there.
        var latest = received.Max();
        await AckAsync(collector, latest);
        await Eventually.HoldsAsync(async () => (await OutboxAsync(agent))?.GetProperty("watermark").GetInt64() == latest,
            TimeSpan.FromSeconds(20), () => "watermark current after adoption\n" + agent.Log);
        output.WriteLine($"adopted {through}, then acknowledged through {latest}; {received.Count(s => s <= through)} rows sent under old seqs before the adoption");
    }

    [Fact]
    public async Task OutboxFileDeleted_NewFileAssignsPastTheOldWatermarkDuringAnOutage_EveryRowGoesAboveIt()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var wan = FaultProxy.Start(broker.Port);
        var received = new ConcurrentQueue<long>();
        await using var collector = await CollectorAsync(broker.Port, received);
        await using var agent = new AgentProcess("lanaudiere", "pve1", wan.Port);
        agent.Start();
        await Eventually.HoldsAsync(() => Task.FromResult(received.Count >= 3), TimeSpan.FromSeconds(60), "telemetry received\n" + agent.Log);
        const long through = 3;
        await AckAsync(collector, through);
        await Eventually.HoldsAsync(async () => (await OutboxAsync(agent))?.GetProperty("watermark").GetInt64() == through,
            TimeSpan.FromSeconds(20), "watermark applied\n" + agent.Log);

        // The disk is replaced and the WAN is down when the agent comes back: the new file numbers its polls from 1,
        // past the node's old watermark, before it can hear it.
        await agent.StopAsync();
        foreach (var file in Directory.GetFiles(agent.DataDirectory, "outbox.db*")) File.Delete(file);
        wan.Reset();
        agent.Start();
        long assigned = 0;
        await Eventually.HoldsAsync(async () => (assigned = ((await OutboxAsync(agent))?.GetProperty("nextSeq").GetInt64() ?? 1) - 1) > through + 2,
            TimeSpan.FromSeconds(60), () => "new file past the old watermark\n" + agent.Log);
        received.Clear();
        wan.Pass();

        await Eventually.HoldsAsync(() => Task.FromResult(Enumerable.Range(1, (int)assigned).All(s => received.Contains(s + through))),
            TimeSpan.FromSeconds(90), () => $"rows 1..{assigned} of the new file received as {through + 1}..{through + assigned}: [{string.Join(",", received.Order())}]\n" + agent.Log);
        // Nothing went out under a seq the collector already holds: it would have dropped it as a duplicate.
        Assert.DoesNotContain(received, s => s <= through);
        Assert.Contains("adopted", agent.Log, StringComparison.Ordinal);
        output.WriteLine($"old watermark {through}; the new file had assigned {assigned} seqs before the WAN came back; received {received.Count}");
    }

    private static async Task<MqttClient> CollectorAsync(int port, ConcurrentQueue<long> received)
    {
        var collector = new MqttClient(new MqttClientOptions { Port = port, ClientId = "fake-collector" }, NullLogger<MqttClient>.Instance, TimeProvider.System);
        collector.MessageHandler = (m, _) =>
        {
            using var doc = JsonDocument.Parse(m.Payload);
            received.Enqueue(doc.RootElement.GetProperty("seq").GetInt64());
            return Task.CompletedTask;
        };
        await collector.StartAsync(default);
        await collector.SubscribeAsync([new MqttTopicFilter(Node + "/telemetry/#")], default);
        return collector;
    }

    private static Task AckAsync(MqttClient collector, long through) => collector.PublishAsync(new MqttApplicationMessage(Node + "/ack",
        Encoding.UTF8.GetBytes($$"""{"schema":1,"site":"lanaudiere","node":"pve1","collector":"test","through":{{through}},"ts":"2026-11-21T14:03:11.000Z"}"""),
        MqttQualityOfService.AtLeastOnce, Retain: true), default);

    private static async Task<JsonElement?> OutboxAsync(AgentProcess agent) => (await agent.StatusAsync())?.GetProperty("outbox");
}
