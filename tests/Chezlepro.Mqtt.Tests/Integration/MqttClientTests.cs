using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Mqtt.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class MqttClientTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() =>
        _broker = await MosquittoBroker.StartAsync(new MosquittoOptions
        {
            AllowAnonymous = false,
            Users = new Dictionary<string, string> { ["alice"] = "alice-pw", ["bob"] = "bob-pw" },
        });

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    private MqttClient Client(Action<MqttClientOptions>? configure = null) => TestClients.Create(_broker, o =>
    {
        o.Username = "alice";
        o.Password = "alice-pw";
        configure?.Invoke(o);
    });

    private async Task<(MqttClient Client, MessageCollector Collector)> SubscriberAsync(string filter, Action<MqttClientOptions>? configure = null)
    {
        var client = Client(configure);
        var collector = new MessageCollector();
        client.MessageHandler = collector.Handler;
        await client.StartAsync(default);
        await client.SubscribeAsync([new MqttTopicFilter(filter)], default);
        return (client, collector);
    }

    [Fact]
    public async Task StartAsync_GoodCredentials_Connects()
    {
        await using var client = Client();
        MqttConnectedEventArgs? connected = null;
        client.ConnectedHandler = (e, _) =>
        {
            connected = e;
            return Task.CompletedTask;
        };
        await client.StartAsync(default);
        Assert.True(client.IsConnected);
        Assert.Equal(1, connected!.ConnectionNumber);
        Assert.False(connected.SessionPresent);
    }

    [Fact]
    public async Task StartAsync_WrongPassword_ThrowsClearConnectException()
    {
        await using var client = Client(o => o.Password = "wrong");
        var ex = await Assert.ThrowsAsync<MqttConnectRefusedException>(() => client.StartAsync(default));
        // Mosquitto 2.0.11 answers 5, not 4, for a wrong password (mqtt-sla.md §1.3).
        Assert.Equal(5, ex.ReturnCode);
        Assert.Contains("bad user name or password, or not authorised", ex.Message);
        Assert.DoesNotContain("wrong", ex.Message);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task StartAsync_Anonymous_Refused()
    {
        await using var client = TestClients.Create(_broker);
        var ex = await Assert.ThrowsAsync<MqttConnectRefusedException>(() => client.StartAsync(default));
        Assert.Equal(5, ex.ReturnCode);
        Assert.Contains("(no user name)", ex.Message);
    }

    [Theory]
    [InlineData(MqttQualityOfService.AtMostOnce)]
    [InlineData(MqttQualityOfService.AtLeastOnce)]
    public async Task PublishAsync_Subscribed_RoundTrips(MqttQualityOfService qos)
    {
        var (sub, collector) = await SubscriberAsync("rt/+/x");
        await using var _ = sub;
        await using var pub = Client();
        await pub.StartAsync(default);
        var payload = Encoding.UTF8.GetBytes("héllo");
        await pub.PublishAsync(new MqttApplicationMessage("rt/a/x", payload, qos), default);
        var got = await collector.NextAsync();
        Assert.Equal("rt/a/x", got.Topic);
        Assert.Equal(payload, got.Payload.ToArray());
        Assert.Equal(qos, got.QualityOfService);
        Assert.False(got.Retain);
    }

    [Fact]
    public async Task PublishAsync_ManyQos1Concurrently_AllAckedAndReceivedInOrder()
    {
        var (sub, collector) = await SubscriberAsync("many/#");
        await using var _ = sub;
        await using var pub = Client(o => o.MaxInflight = 8);
        await pub.StartAsync(default);
        const int count = 500;
        // A single publisher awaiting nothing between calls: ids go on the wire in call order.
        var tasks = Enumerable.Range(0, count).Select(i => pub.PublishAsync(new MqttApplicationMessage("many/t", BitConverter.GetBytes(i)), default)).ToList();
        await Task.WhenAll(tasks);
        var seen = new List<int>();
        for (var i = 0; i < count; i++) seen.Add(BitConverter.ToInt32((await collector.NextAsync()).Payload.Span));
        Assert.Equal(Enumerable.Range(0, count), seen);
    }

    [Fact]
    public async Task PublishAsync_Retained_NewSubscriberGetsItWithRetainFlag()
    {
        await using var pub = Client();
        await pub.StartAsync(default);
        await pub.PublishAsync(new MqttApplicationMessage("ret/status", "online"u8.ToArray(), Retain: true), default);
        var (sub, collector) = await SubscriberAsync("ret/#");
        await using var _ = sub;
        var got = await collector.NextAsync();
        Assert.Equal("online", Encoding.UTF8.GetString(got.Payload.Span));
        // [MQTT-3.3.1-8]: retained messages sent for a new subscription carry RETAIN=1.
        Assert.True(got.Retain);
    }

    [Fact]
    public async Task AbortConnection_WillSet_BrokerPublishesWill_AndClientReconnects()
    {
        var (sub, collector) = await SubscriberAsync("will/#");
        await using var _ = sub;
        var willCalls = 0;
        await using var client = Client();
        client.WillFactory = _ =>
        {
            var n = Interlocked.Increment(ref willCalls);
            return ValueTask.FromResult<MqttApplicationMessage?>(new MqttApplicationMessage("will/node", Encoding.UTF8.GetBytes($"lost-{n}")));
        };
        var reconnected = new TaskCompletionSource<MqttConnectedEventArgs>();
        client.ConnectedHandler = (e, _) =>
        {
            if (e.ConnectionNumber == 2) reconnected.TrySetResult(e);
            return Task.CompletedTask;
        };
        await client.StartAsync(default);
        client.AbortConnection();
        var will = await collector.NextAsync();
        Assert.Equal("lost-1", Encoding.UTF8.GetString(will.Payload.Span));
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // The factory runs before every CONNECT.
        Assert.Equal(2, willCalls);
    }

    [Fact]
    public async Task StopAsync_WillSet_NoWillPublished()
    {
        var (sub, collector) = await SubscriberAsync("will2/#");
        await using var _ = sub;
        var client = Client();
        client.WillFactory = _ => ValueTask.FromResult<MqttApplicationMessage?>(new MqttApplicationMessage("will2/node", "lost"u8.ToArray()));
        MqttDisconnectedEventArgs? disconnected = null;
        client.DisconnectedHandler = e =>
        {
            disconnected = e;
            return Task.CompletedTask;
        };
        await client.StartAsync(default);
        await client.StopAsync(default);
        // [MQTT-3.14.4-3]: DISCONNECT discards the will.
        Assert.Null(await collector.NextOrNullAsync(TimeSpan.FromSeconds(1)));
        Assert.True(disconnected!.Clean);
        Assert.False(client.IsConnected);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task BrokerRestart_ClientReconnectsAndResubscribes()
    {
        var (sub, collector) = await SubscriberAsync("restart/#");
        await using var _ = sub;
        var lost = new TaskCompletionSource<MqttDisconnectedEventArgs>();
        var back = new TaskCompletionSource();
        sub.DisconnectedHandler = e =>
        {
            lost.TrySetResult(e);
            return Task.CompletedTask;
        };
        sub.ConnectedHandler = (e, _) =>
        {
            if (e.ConnectionNumber >= 2) back.TrySetResult();
            return Task.CompletedTask;
        };
        await _broker.StopAsync();
        var reason = await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(reason.Clean);
        Assert.False(sub.IsConnected);
        await Assert.ThrowsAsync<MqttNotConnectedException>(() => sub.PublishAsync(new MqttApplicationMessage("restart/x", "a"u8.ToArray()), default));
        await _broker.StartAgainAsync();
        await back.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await using var pub = Client();
        await pub.StartAsync(default);
        await pub.PublishAsync(new MqttApplicationMessage("restart/x", "after"u8.ToArray()), default);
        Assert.Equal("after", Encoding.UTF8.GetString((await collector.NextAsync()).Payload.Span));
    }

    [Fact]
    public async Task PublishAsync_ConnectionDropsBeforePuback_ThrowsConnectionLost()
    {
        await using var pub = Client(o => o.MaxInflight = 1000);
        await pub.StartAsync(default);
        var tasks = Enumerable.Range(0, 2000).Select(_ => pub.PublishAsync(new MqttApplicationMessage("drop/x", new byte[100]), default)).ToList();
        pub.AbortConnection();
        var outcome = await Task.WhenAll(tasks.Select(async t =>
        {
            try
            {
                await t;
                return "ok";
            }
            catch (MqttConnectionLostException)
            {
                return "lost";
            }
        }));
        Assert.Contains("lost", outcome);
        Assert.DoesNotContain(outcome, o => o is not ("ok" or "lost"));
    }

    [Fact]
    public async Task PublishAsync_WildcardTopic_RejectedBeforeSending()
    {
        await using var pub = Client();
        await pub.StartAsync(default);
        await Assert.ThrowsAsync<ArgumentException>(() => pub.PublishAsync(new MqttApplicationMessage("a/+/b", "x"u8.ToArray()), default));
        await Assert.ThrowsAsync<ArgumentException>(() => pub.PublishAsync(new MqttApplicationMessage("a/\u0001", "x"u8.ToArray()), default));
        // Still connected: nothing reached the broker.
        await pub.PublishAsync(new MqttApplicationMessage("a/ok", "x"u8.ToArray()), default);
        Assert.True(pub.IsConnected);
    }
}
