using System.Text.Json;
using Chezlepro.Collector.Delivery;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Watermarks;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace Chezlepro.Collector.Tests.Delivery;

public sealed class WatermarkPublisherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero));
    private readonly IMqttClient _client = Substitute.For<IMqttClient>();
    private readonly IDeliveryStore _store = Substitute.For<IDeliveryStore>();
    private readonly DeliveryCounters _counters = new();
    private readonly List<DeliveryAck> _sent = [];

    public WatermarkPublisherTests() =>
        _client.PublishAsync(Arg.Any<MqttApplicationMessage>(), Arg.Any<CancellationToken>()).Returns(ci =>
        {
            var m = ci.Arg<MqttApplicationMessage>();
            Assert.True(m is { Retain: true, QualityOfService: MqttQualityOfService.AtLeastOnce });
            var ack = JsonSerializer.Deserialize(m.Payload.Span, ContractJsonContext.Default.DeliveryAck)!;
            Assert.Equal($"chezlepro/v1/{ack.Site}/{ack.Node}/ack", m.Topic);
            lock (_sent) _sent.Add(ack);
            return Task.CompletedTask;
        });

    private WatermarkPublisher Publisher() => new(_client, _store, new TopicScheme(), Microsoft.Extensions.Options.Options.Create(new CollectorOptions { Id = "ovh" }),
        _time, _counters, NullLogger<WatermarkPublisher>.Instance);

    private static NodeWatermark Mark(long through, string node = "pve1") => new("lanaudiere", node, through);

    [Fact]
    public async Task Offer_MovesWithinTheWindow_OnePublishThenTheTrailingOne()
    {
        var p = Publisher();
        p.Offer(Mark(5), force: false);
        Assert.Null(await p.PublishDueAsync(default));
        p.Offer(Mark(6), force: false);
        p.Offer(Mark(7), force: false);
        Assert.Equal(_time.GetUtcNow() + WatermarkPublisher.Window, await p.PublishDueAsync(default));
        Assert.Equal([5L], _sent.Select(a => a.Through));
        _time.Advance(WatermarkPublisher.Window);
        await p.PublishDueAsync(default);
        Assert.Equal([5L, 7L], _sent.Select(a => a.Through));
        Assert.Equal(("ovh", 2L), (_sent[1].Collector, _counters.Published));
    }

    [Fact]
    public async Task Offer_Unchanged_NotRepublished_ABirthRepublishes_NeverBackwards()
    {
        var p = Publisher();
        p.Offer(Mark(5), force: false);
        await p.PublishDueAsync(default);
        _time.Advance(TimeSpan.FromSeconds(2));
        p.Offer(Mark(5), force: false);
        p.Offer(Mark(3), force: false);
        Assert.Null(await p.PublishDueAsync(default));
        Assert.Single(_sent);
        p.Offer(Mark(3), force: true);
        await p.PublishDueAsync(default);
        Assert.Equal([5L, 5L], _sent.Select(a => a.Through));
    }

    [Fact]
    public async Task Offer_TwoNodes_EachItsOwnWindow()
    {
        var p = Publisher();
        p.Offer(Mark(5, "pve1"), force: false);
        p.Offer(Mark(9, "pve2"), force: false);
        await p.PublishDueAsync(default);
        Assert.Equal([("pve1", 5L), ("pve2", 9L)], _sent.Select(a => (a.Node, a.Through)).Order());
    }

    [Fact]
    public async Task Publish_BrokerAway_CountedAndRetriedAfterTheDelay()
    {
        var fail = true;
        _client.PublishAsync(Arg.Any<MqttApplicationMessage>(), Arg.Any<CancellationToken>()).Returns(ci =>
        {
            if (fail) throw new MqttNotConnectedException();
            lock (_sent) _sent.Add(JsonSerializer.Deserialize(ci.Arg<MqttApplicationMessage>().Payload.Span, ContractJsonContext.Default.DeliveryAck)!);
            return Task.CompletedTask;
        });
        var p = Publisher();
        p.Offer(Mark(5), force: false);
        Assert.Equal(_time.GetUtcNow() + WatermarkPublisher.RetryDelay, await p.PublishDueAsync(default));
        Assert.Equal((0L, 1L), (_counters.Published, _counters.Failures));
        fail = false;
        _time.Advance(WatermarkPublisher.Window);
        await p.PublishDueAsync(default);
        Assert.Empty(_sent);
        _time.Advance(WatermarkPublisher.RetryDelay);
        await p.PublishDueAsync(default);
        Assert.Equal(5, Assert.Single(_sent).Through);
    }

    [Fact]
    public async Task OnBatchStored_QueuesTheCommittedMarksWithoutReadingTheStore()
    {
        var p = Publisher();
        await p.OnBatchStoredAsync([Mark(4, "pve1"), Mark(8, "pve2")], [], default);
        await p.PublishDueAsync(default);
        Assert.Equal([("pve1", 4L), ("pve2", 8L)], _sent.Select(a => (a.Node, a.Through)).Order());
        await _store.DidNotReceive().GetWatermarksAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnBatchStored_BirthOfANodeTheBatchNamedWithASeq_RepublishedFromTheCommittedMark()
    {
        var p = Publisher();
        p.Offer(Mark(4, "pve1"), force: false);
        await p.PublishDueAsync(default);
        _time.Advance(WatermarkPublisher.Window);
        await p.OnBatchStoredAsync([Mark(4, "pve1")], [("lanaudiere", "pve1")], default);
        await p.PublishDueAsync(default);
        Assert.Equal([4L, 4L], _sent.Select(a => a.Through));
        await _store.DidNotReceive().GetWatermarksAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnBatchStored_BirthWithoutASeq_ReadsTheStoreForThatNodeOnly_StoreFaultSwallowed()
    {
        _store.GetWatermarksAsync(Arg.Any<CancellationToken>()).Returns([Mark(99, "pve1"), Mark(8, "pve2"), Mark(1, "pve3")]);
        var p = Publisher();
        await p.OnBatchStoredAsync([Mark(4, "pve1")], [("lanaudiere", "pve3")], default);
        await p.PublishDueAsync(default);
        // pve1 is the batch's committed value (the store's 99 is not read for it); pve2 was in neither list.
        Assert.Equal([("pve1", 4L), ("pve3", 1L)], _sent.Select(a => (a.Node, a.Through)).Order());
        _store.GetWatermarksAsync(Arg.Any<CancellationToken>()).Returns<IReadOnlyList<NodeWatermark>>(_ => throw new TimeoutException("db away"));
        await p.OnBatchStoredAsync([], [("lanaudiere", "pve2")], default);
    }

    [Fact]
    public async Task Loop_PublishesOfferedAndTrailingWhenTheClockPassesTheWindow()
    {
        var first = new TaskCompletionSource<DeliveryAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<DeliveryAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        _client.PublishAsync(Arg.Any<MqttApplicationMessage>(), Arg.Any<CancellationToken>()).Returns(ci =>
        {
            var ack = JsonSerializer.Deserialize(ci.Arg<MqttApplicationMessage>().Payload.Span, ContractJsonContext.Default.DeliveryAck)!;
            if (!first.TrySetResult(ack)) second.TrySetResult(ack);
            return Task.CompletedTask;
        });
        var p = Publisher();
        await p.StartAsync(default);
        try
        {
            p.Offer(Mark(1), force: false);
            Assert.Equal(1, (await first.Task.WaitAsync(TimeSpan.FromSeconds(10))).Through);
            p.Offer(Mark(2), force: false);
            p.Offer(Mark(3), force: false);
            while (!second.Task.IsCompleted)
            {
                // The loop waits on the fake clock: move it until the window closes and the trailing publish goes.
                _time.Advance(TimeSpan.FromMilliseconds(250));
                await Task.WhenAny(second.Task, Task.Delay(50));
            }
            Assert.Equal(3, second.Task.Result.Through);
        }
        finally
        {
            await p.StopAsync(default);
        }
    }
}
