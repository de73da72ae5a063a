using System.Collections.Concurrent;
using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Mqtt.Tests.Integration;

/// <summary>A subscriber that cannot store a message must not acknowledge it: the durable session redelivers it.</summary>
[Trait("Category", "Integration")]
public sealed class MessageHandlerFailureTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task BatchHandlerThrows_NothingAcknowledged_BatchRedeliveredAfterReconnect()
    {
        var received = new ConcurrentQueue<string>();
        var failOnce = 1;
        await using var subscriber = TestClients.Create(_broker, o =>
        {
            o.ClientId = "durable-collector";
            o.CleanSession = false;
            o.ReconnectMinDelay = TimeSpan.FromMilliseconds(100);
        });
        subscriber.BatchMessageHandler = (batch, _) =>
        {
            if (Interlocked.Exchange(ref failOnce, 0) == 1) throw new IOException("disk full");
            foreach (var m in batch) received.Enqueue(Encoding.UTF8.GetString(m.Payload.Span));
            return Task.CompletedTask;
        };
        await subscriber.StartAsync(default);
        await subscriber.SubscribeAsync([new MqttTopicFilter("t/#")], default);

        await using var publisher = TestClients.Create(_broker, o => o.ClientId = "pub");
        await publisher.StartAsync(default);
        for (var i = 0; i < 20; i++)
            await publisher.PublishAsync(new MqttApplicationMessage("t/x", Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture))), default);

        for (var i = 0; i < 200 && received.Count < 20; i++) await Task.Delay(50);
        // Every message arrives despite the failed first batch; none is lost (duplicates are allowed, QoS 1).
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            received.Distinct().OrderBy(int.Parse));
    }
}
