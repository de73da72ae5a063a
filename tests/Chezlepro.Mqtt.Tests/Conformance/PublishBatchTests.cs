using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>
/// <see cref="MqttClient.PublishBatchAsync"/> against a scripted server: the QoS 1 rules of single publishes (ids,
/// order [MQTT-4.6.0-1], window, re-send with the same id and DUP [MQTT-4.4.0-1]) with one wait and one outcome per message.
/// </summary>
public sealed class PublishBatchTests
{
    private static MqttClient Client(FakeBroker fake, bool cleanSession = true, int maxInflight = 100) => new(new MqttClientOptions
    {
        Port = fake.Port,
        ClientId = "batch-pub",
        CleanSession = cleanSession,
        MaxInflight = maxInflight,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
    }, NullLogger<MqttClient>.Instance, TimeProvider.System);

    private static MqttApplicationMessage[] Messages(params string[] payloads) =>
        [.. payloads.Select(p => new MqttApplicationMessage("batch/x", Encoding.UTF8.GetBytes(p)))];

    [Fact]
    public async Task Batch_SentInOrderOnDistinctIds_PubacksOutOfOrder_CompletesWhenTheLastArrives()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake);
        var start = client.StartAsync(default);
        await using var session = await fake.AcceptConnectedAsync();
        await start;

        var batch = client.PublishBatchAsync(Messages("a", "b", "c"), default);
        var sent = new[] { await session.ReadPublishAsync(), await session.ReadPublishAsync(), await session.ReadPublishAsync() };
        Assert.Equal(["a", "b", "c"], sent.Select(s => s.Payload));
        Assert.Equal(3, sent.Select(s => s.Id).Distinct().Count());
        Assert.DoesNotContain(sent, s => s.Dup || s.Id == 0);

        await session.PubAckAsync(sent[2].Id);
        await session.PubAckAsync(sent[0].Id);
        // A later PUBLISH on the same connection comes back only after both PUBACKs above were processed.
        var probe = client.PublishAsync(Messages("probe")[0], default);
        var probeSent = await session.ReadPublishAsync();
        await session.PubAckAsync(probeSent.Id);
        await probe.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(batch.IsCompleted);

        await session.PubAckAsync(sent[1].Id);
        var outcomes = await batch.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([null, null, null], outcomes);
    }

    [Fact]
    public async Task Batch_CleanSession_ConnectionLostMidBatch_OnlyTheUnacknowledgedFail()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake);
        var start = client.StartAsync(default);
        Task<IReadOnlyList<Exception?>> batch;
        await using (var session = await fake.AcceptConnectedAsync())
        {
            await start;
            batch = client.PublishBatchAsync(Messages("a", "b", "c"), default);
            var first = await session.ReadPublishAsync();
            await session.ReadPublishAsync();
            await session.ReadPublishAsync();
            await session.PubAckAsync(first.Id);
        }

        var outcomes = await batch.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Null(outcomes[0]);
        Assert.IsType<MqttConnectionLostException>(outcomes[1]);
        Assert.IsType<MqttConnectionLostException>(outcomes[2]);
    }

    [Fact]
    public async Task Batch_DurableSession_LostBeforePuback_ResentSameIdsWithDup_ThenCompletes()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake, cleanSession: false);
        var start = client.StartAsync(default);
        Task<IReadOnlyList<Exception?>> batch;
        (bool Dup, ushort Id, string Topic, string Payload) sent1, sent2;
        await using (var session = await fake.AcceptConnectedAsync())
        {
            await start;
            batch = client.PublishBatchAsync(Messages("a", "b"), default);
            sent1 = await session.ReadPublishAsync();
            sent2 = await session.ReadPublishAsync();
            await session.PubAckAsync(sent1.Id);
        }

        await using var again = await fake.AcceptConnectedAsync(sessionPresent: true);
        var resent = await again.ReadPublishAsync();
        Assert.Equal((true, sent2.Id, "batch/x", "b"), resent);
        Assert.False(batch.IsCompleted);
        await again.PubAckAsync(resent.Id);
        Assert.Equal([null, null], await batch.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Batch_WindowOfOne_NextMessageGoesOnlyAfterThePreviousPuback()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake, maxInflight: 1);
        var start = client.StartAsync(default);
        await using var session = await fake.AcceptConnectedAsync();
        await start;

        var batch = client.PublishBatchAsync(Messages("a", "b"), default);
        var first = await session.ReadPublishAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.ReadPacketAsync(TimeSpan.FromMilliseconds(300)));
        await session.PubAckAsync(first.Id);
        var second = await session.ReadPublishAsync();
        Assert.Equal("b", second.Payload);
        await session.PubAckAsync(second.Id);
        Assert.Equal([null, null], await batch.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Batch_NotQos1OrBadTopic_RefusedBeforeAnythingIsSent()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake);
        var start = client.StartAsync(default);
        await using var session = await fake.AcceptConnectedAsync();
        await start;

        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishBatchAsync(
            [new MqttApplicationMessage("batch/x", "a"u8.ToArray()), new MqttApplicationMessage("batch/x", "b"u8.ToArray(), MqttQualityOfService.AtMostOnce)], default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.PublishBatchAsync(
            [new MqttApplicationMessage("batch/x", "a"u8.ToArray()), new MqttApplicationMessage("batch/#", "b"u8.ToArray())], default));
        // Nothing of either batch reached the wire: the next packet is this publish.
        var probe = client.PublishAsync(Messages("probe")[0], default);
        var sent = await session.ReadPublishAsync();
        Assert.Equal("probe", sent.Payload);
        await session.PubAckAsync(sent.Id);
        await probe.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(await client.PublishBatchAsync([], default));
    }

    [Fact]
    public async Task Batch_NotConnected_Throws()
    {
        await using var fake = new FakeBroker();
        await using var client = Client(fake);
        await Assert.ThrowsAsync<MqttNotConnectedException>(() => client.PublishBatchAsync(Messages("a"), default));
    }
}
