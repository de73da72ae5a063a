using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Mqtt.Transport;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Mqtt.Tests.Integration;

/// <summary>
/// A durable publisher against real Mosquitto: QoS 1 publishes cut off before their PUBACK are re-sent on the
/// resumed session [MQTT-4.4.0-1] and their tasks complete; a subscriber receives them in order.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SessionResendIntegrationTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task PublishAsync_ConnectionLostBeforePuback_CompletesAfterReconnectAndSubscriberReceives()
    {
        await using var sub = TestClients.Create(_broker);
        var collector = new MessageCollector();
        sub.MessageHandler = collector.Handler;
        await sub.StartAsync(default);
        await sub.SubscribeAsync([new MqttTopicFilter("resend/#")], default);

        var options = TestClients.Options(_broker, "durable-resend-pub");
        options.CleanSession = false;
        SilenceableTransport? current = null;
        await using var pub = new MqttClient(options, NullLogger<MqttClient>.Instance, TimeProvider.System, () =>
            current = new SilenceableTransport(new TcpMqttTransport("127.0.0.1", _broker.Port)));
        var resumed = new TaskCompletionSource<MqttConnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        pub.ConnectedHandler = (e, _) =>
        {
            if (e.ConnectionNumber == 2) resumed.TrySetResult(e);
            return Task.CompletedTask;
        };
        await pub.StartAsync(default);

        // The link goes dead: the publishes never reach the broker and no PUBACK can come back.
        current!.Silenced = true;
        var first = pub.PublishAsync(new MqttApplicationMessage("resend/x", "r1"u8.ToArray()), default);
        var second = pub.PublishAsync(new MqttApplicationMessage("resend/x", "r2"u8.ToArray()), default);
        Assert.Null(await collector.NextOrNullAsync(TimeSpan.FromMilliseconds(300)));
        Assert.False(first.IsCompleted);

        pub.AbortConnection();
        var e = await resumed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // [MQTT-3.2.2-2]: Mosquitto kept the durable session, so the re-sends carried DUP=1.
        Assert.True(e.SessionPresent);
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("r1", Encoding.UTF8.GetString((await collector.NextAsync()).Payload.Span));
        Assert.Equal("r2", Encoding.UTF8.GetString((await collector.NextAsync()).Payload.Span));
    }
}
