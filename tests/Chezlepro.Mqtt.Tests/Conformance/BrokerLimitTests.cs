using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>Payloads near Mosquitto's <c>max_packet_size</c> (mqtt-sla.md §2.4).</summary>
[Trait("Category", "Integration")]
public sealed class BrokerLimitTests : IAsyncLifetime
{
    private const int Limit = 100_000;
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() =>
        _broker = await MosquittoBroker.StartAsync(new MosquittoOptions { ExtraLines = [$"max_packet_size {Limit}"] });

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Publish_JustUnderBrokerLimit_Delivered_JustOver_Disconnected()
    {
        var collector = new MessageCollector();
        await using var sub = TestClients.Create(_broker);
        sub.MessageHandler = collector.Handler;
        await sub.StartAsync(default);
        await sub.SubscribeAsync([new MqttTopicFilter("lim/#")], default);

        await using var pub = TestClients.Create(_broker, o =>
        {
            o.ReconnectMinDelay = TimeSpan.FromSeconds(30);
            o.ReconnectMaxDelay = TimeSpan.FromSeconds(30);
        });
        await pub.StartAsync(default);
        // Whole packet = 1 header byte + 3 length bytes + 2 + topic + 2 id + payload.
        var fits = Limit - (1 + 3 + 2 + 5 + 2);
        await pub.PublishAsync(new MqttApplicationMessage("lim/x", new byte[fits]), default);
        Assert.Equal(fits, (await collector.NextAsync()).Payload.Length);

        // A 3.1.1 client that exceeds max_packet_size is disconnected without a word: the PUBACK wait ends as lost.
        // Mosquitto 2.0.11 compares the Remaining Length (not the whole packet) with the limit, hence a few bytes more.
        await Assert.ThrowsAsync<MqttConnectionLostException>(() => pub.PublishAsync(new MqttApplicationMessage("lim/x", new byte[fits + 10]), default));
        Assert.Null(await collector.NextOrNullAsync(TimeSpan.FromMilliseconds(300)));
    }
}
