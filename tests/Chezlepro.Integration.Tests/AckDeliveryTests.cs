using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Mqtt;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests;

/// <summary>
/// Issue 15, agent side: a real agent and a real Mosquitto; the test plays the collector (it reads the telemetry and
/// publishes the retained watermark). Rows stay until a watermark covers them, and a new connection re-sends from it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AckDeliveryTests(ITestOutputHelper output)
{
    private const string Node = "chezlepro/v1/lanaudiere/pve1";

    [Fact]
    public async Task RowsStayUntilWatermark_ThenGo_BrokerRestart_ResentFromThroughPlusOne()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var received = new ConcurrentQueue<long>();
        await using var collector = new MqttClient(new MqttClientOptions { Port = broker.Port, ClientId = "fake-collector" },
            NullLogger<MqttClient>.Instance, TimeProvider.System);
        collector.MessageHandler = (m, _) =>
        {
            using var doc = JsonDocument.Parse(m.Payload);
            received.Enqueue(doc.RootElement.GetProperty("seq").GetInt64());
            return Task.CompletedTask;
        };
        await collector.StartAsync(default);
        await collector.SubscribeAsync([new MqttTopicFilter(Node + "/telemetry/#")], default);
        await using var agent = new AgentProcess("lanaudiere", "pve1", broker.Port);
        agent.Start();

        // No collector acknowledges: everything published stays in the outbox, sent.
        await Eventually.HoldsAsync(() => Task.FromResult(received.Count >= 5), TimeSpan.FromSeconds(40), "telemetry received\n" + agent.Log);
        var outbox = await OutboxAsync(agent);
        Assert.True(outbox.GetProperty("unacknowledged").GetInt64() >= 5, outbox.ToString());
        Assert.Equal(0, outbox.GetProperty("watermark").GetInt64());

        // A watermark over what arrived: those rows go, the rest stay.
        var through = received.Max();
        await collector.PublishAsync(new MqttApplicationMessage(Node + "/ack", Encoding.UTF8.GetBytes(
            $$"""{"schema":1,"site":"lanaudiere","node":"pve1","collector":"test","through":{{through}},"ts":"2026-11-21T14:03:11.000Z"}"""),
            MqttQualityOfService.AtLeastOnce, Retain: true), default);
        await Eventually.HoldsAsync(async () => (await OutboxAsync(agent)).GetProperty("watermark").GetInt64() == through,
            TimeSpan.FromSeconds(20), "watermark applied\n" + agent.Log);
        outbox = await OutboxAsync(agent);
        Assert.True(outbox.GetProperty("unacknowledged").GetInt64() <= outbox.GetProperty("nextSeq").GetInt64() - 1 - through, outbox.ToString());

        // At least one row above the watermark must have had its PUBACK before the broker dies (sent, not acknowledged),
        // or the reconnect has nothing to re-send and only the acknowledgement timeout would count a re-send.
        await Eventually.HoldsAsync(async () =>
        {
            var o = await OutboxAsync(agent);
            return o.GetProperty("unacknowledged").GetInt64() > o.GetProperty("depth").GetInt64();
        }, TimeSpan.FromSeconds(20), () => "a row sent above the watermark\n" + agent.Log);

        // The broker dies with what it held (and the retained watermark): the reconnected agent re-sends from through + 1.
        broker.Kill();
        await broker.StartAgainAsync();
        await Eventually.HoldsAsync(async () => (await agent.StatusAsync())?.GetProperty("outboxResends").GetInt64() > 0,
            TimeSpan.FromSeconds(60), () => "re-sent after the reconnect\n" + agent.StatusAsync().GetAwaiter().GetResult() + "\n" + agent.Log);
        var status = (await agent.StatusAsync())!.Value;
        Assert.Equal(through, status.GetProperty("outbox").GetProperty("watermark").GetInt64());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var metrics = await http.GetStringAsync($"http://127.0.0.1:{agent.StatusPort}/metrics");
        Assert.Contains($"chezlepro_delivery_watermark {through}\n", metrics, StringComparison.Ordinal);
        output.WriteLine($"watermark {through}, resends {status.GetProperty("outboxResends").GetInt64()}, unacknowledged {status.GetProperty("outbox").GetProperty("unacknowledged").GetInt64()}");
    }

    private static async Task<JsonElement> OutboxAsync(AgentProcess agent) => (await agent.StatusAsync())!.Value.GetProperty("outbox");
}
