using System.Text;
using Chezlepro.Mqtt.Packets;
using Chezlepro.Mqtt.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>
/// [MQTT-4.4.0-1]: after a reconnect with Clean Session 0, unacknowledged QoS 1 publishes are re-sent with their
/// original ids, in order [MQTT-4.6.0-1], DUP=1 when the session was resumed [MQTT-3.3.1-1]; a scripted server
/// drops the connection before PUBACK.
/// </summary>
public sealed class SessionResendTests
{
    private static MqttClient Client(FakeBroker fake, bool cleanSession) => new(new MqttClientOptions
    {
        Port = fake.Port,
        ClientId = "durable-pub",
        CleanSession = cleanSession,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
    }, NullLogger<MqttClient>.Instance, TimeProvider.System);

    private static TaskCompletionSource Disconnected(MqttClient client)
    {
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedHandler = _ =>
        {
            lost.TrySetResult();
            return Task.CompletedTask;
        };
        return lost;
    }

    private static TaskCompletionSource Connected(MqttClient client, long number)
    {
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectedHandler = (e, _) =>
        {
            if (e.ConnectionNumber >= number) connected.TrySetResult();
            return Task.CompletedTask;
        };
        return connected;
    }

    private static Task<(bool Dup, ushort Id, string Topic, string Payload)> ReadPublishAsync(FakeSession session) => session.ReadPublishAsync();

    private static Task PubAckAsync(FakeSession session, ushort id) => session.PubAckAsync(id);

    private static MqttApplicationMessage Message(string payload) => new("resend/x", Encoding.UTF8.GetBytes(payload));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PublishAsync_DurableSessionLostBeforePuback_ResentWithSameIdsInOrderAndCompletesOnPuback(bool sessionPresent)
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake, cleanSession: false);
        var lost = Disconnected(client);
        var reconnected = Connected(client, 2);
        var start = client.StartAsync(default);
        Task first, second;
        (bool Dup, ushort Id, string Topic, string Payload) sent1, sent2;
        await using (var session = await fake.AcceptConnectedAsync())
        {
            await start;
            first = client.PublishAsync(Message("p1"), default);
            second = client.PublishAsync(Message("p2"), default);
            sent1 = await ReadPublishAsync(session);
            sent2 = await ReadPublishAsync(session);
            Assert.False(sent1.Dup);
            Assert.False(sent2.Dup);
        }
        // The server closed before any PUBACK: the waits go on instead of failing.
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        await using var again = await fake.AcceptConnectedAsync(sessionPresent: sessionPresent);
        // The first packets after CONNECT are the re-sends, same ids, same order; DUP=1 only on a resumed session.
        var resent1 = await ReadPublishAsync(again);
        var resent2 = await ReadPublishAsync(again);
        Assert.Equal((sessionPresent, sent1.Id, "resend/x", "p1"), resent1);
        Assert.Equal((sessionPresent, sent2.Id, "resend/x", "p2"), resent2);
        Assert.False(first.IsCompleted);

        // A publish made after the reconnect follows the re-sends, on a fresh id. The re-sends are queued to the writer
        // before the connection becomes current, so they can reach the server before a new publish is accepted: wait
        // until the client says it is connected (a publish in that gap is refused as not connected, by design).
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var third = client.PublishAsync(Message("p3"), default);
        var sent3 = await ReadPublishAsync(again);
        Assert.Equal("p3", sent3.Payload);
        Assert.False(sent3.Dup);
        Assert.NotEqual(sent1.Id, sent3.Id);
        Assert.NotEqual(sent2.Id, sent3.Id);

        await PubAckAsync(again, sent1.Id);
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        await PubAckAsync(again, sent2.Id);
        await PubAckAsync(again, sent3.Id);
        await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task PublishAsync_DurableSessionWindowFull_WaitingPublishesFollowTheResends()
    {
        await using var fake = new FakeBroker();
        await using var client = new MqttClient(new MqttClientOptions
        {
            Port = fake.Port,
            ClientId = "durable-window",
            CleanSession = false,
            MaxInflight = 1,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        }, NullLogger<MqttClient>.Instance, TimeProvider.System);
        var lost = Disconnected(client);
        var start = client.StartAsync(default);
        Task first, queued;
        ushort id1;
        await using (var session = await fake.AcceptConnectedAsync())
        {
            await start;
            first = client.PublishAsync(Message("w1"), default);
            queued = client.PublishAsync(Message("w2"), default);
            id1 = (await ReadPublishAsync(session)).Id;
        }
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(queued.IsCompleted);

        await using var again = await fake.AcceptConnectedAsync(sessionPresent: true);
        var resent = await ReadPublishAsync(again);
        Assert.Equal((true, id1, "w1"), (resent.Dup, resent.Id, resent.Payload));
        await PubAckAsync(again, id1);
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        // The queued one was never sent: it goes out once the window frees, as a first delivery.
        var next = await ReadPublishAsync(again);
        Assert.Equal((false, "w2"), (next.Dup, next.Payload));
        await PubAckAsync(again, next.Id);
        await queued.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task PublishAsync_CleanSessionLostBeforePuback_ThrowsConnectionLostAndIsNotResent()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake, cleanSession: true);
        var start = client.StartAsync(default);
        Task publish;
        await using (var session = await fake.AcceptConnectedAsync())
        {
            await start;
            publish = client.PublishAsync(Message("c1"), default);
            await ReadPublishAsync(session);
        }
        await Assert.ThrowsAsync<MqttConnectionLostException>(() => publish.WaitAsync(TimeSpan.FromSeconds(5)));

        await using var again = await fake.AcceptConnectedAsync();
        // Nothing follows CONNECT: the caller, not the client, re-sends with a clean session.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => again.ReadPacketAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task StopAsync_DurablePublishKeptWhileDisconnected_FailsWithConnectionLost()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake, cleanSession: false);
        var lost = Disconnected(client);
        var start = client.StartAsync(default);
        Task publish;
        await using (var session = await fake.AcceptConnectedAsync())
        {
            await start;
            publish = client.PublishAsync(Message("s1"), default);
            await ReadPublishAsync(session);
        }
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(publish.IsCompleted);
        await client.StopAsync(default);
        await Assert.ThrowsAsync<MqttConnectionLostException>(() => publish.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task PublishAsync_DurableSessionCallerCancels_WaitEndsButMessageIsStillResent()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake, cleanSession: false);
        var lost = Disconnected(client);
        var start = client.StartAsync(default);
        using var cts = new CancellationTokenSource();
        Task publish;
        ushort id;
        await using (var session = await fake.AcceptConnectedAsync())
        {
            await start;
            publish = client.PublishAsync(Message("k1"), cts.Token);
            id = (await ReadPublishAsync(session)).Id;
        }
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish.WaitAsync(TimeSpan.FromSeconds(5)));

        await using var again = await fake.AcceptConnectedAsync(sessionPresent: true);
        var resent = await ReadPublishAsync(again);
        Assert.Equal((true, id, "k1"), (resent.Dup, resent.Id, resent.Payload));
    }
}
