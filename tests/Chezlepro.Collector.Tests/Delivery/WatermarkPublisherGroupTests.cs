using System.Text.Json;
using Chezlepro.Collector.Delivery;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Watermarks;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace Chezlepro.Collector.Tests.Delivery;

/// <summary>Several collectors in one <c>Collector:Group</c>: only the leader writes the retained ack.</summary>
public sealed class WatermarkPublisherGroupTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero));
    private readonly IMqttClient _client = Substitute.For<IMqttClient>();
    private readonly IDeliveryStore _store = Substitute.For<IDeliveryStore>();
    private readonly ILeadership _leadership = Substitute.For<ILeadership>();
    private readonly List<(string Node, long Through)> _sent = [];

    public WatermarkPublisherGroupTests()
    {
        _leadership.Shared.Returns(true);
        _client.PublishAsync(Arg.Any<MqttApplicationMessage>(), Arg.Any<CancellationToken>()).Returns(ci =>
        {
            var ack = JsonSerializer.Deserialize(ci.Arg<MqttApplicationMessage>().Payload.Span, ContractJsonContext.Default.DeliveryAck)!;
            _sent.Add((ack.Node, ack.Through));
            return Task.CompletedTask;
        });
    }

    private WatermarkPublisher Publisher(string? group) => new(_client, _store, new TopicScheme(),
        Microsoft.Extensions.Options.Options.Create(new CollectorOptions { Id = "b", Store = "postgres", Group = group }), _time, new DeliveryCounters(),
        NullLogger<WatermarkPublisher>.Instance, _leadership);

    private void Stored(params (string Node, long Through)[] marks) =>
        _store.GetWatermarksAsync(Arg.Any<CancellationToken>()).Returns(marks.Select(m => new NodeWatermark("lanaudiere", m.Node, m.Through)).ToList());

    [Fact]
    public async Task Follower_PublishesNothing_EvenWhatItStoredItself()
    {
        _leadership.IsLeader.Returns(false);
        var p = Publisher("col");
        p.Offer(new NodeWatermark("lanaudiere", "pve1", 5), force: true);
        Stored(("pve1", 5));
        await p.SweepAsync(default);

        Assert.Null(await p.PublishDueAsync(default));
        Assert.Empty(_sent);
        await _store.DidNotReceive().GetWatermarksAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Leader_SweepPublishesWhatOthersStored_AllOnTakeover_ThenOnlyWhatMoved()
    {
        _leadership.IsLeader.Returns(false);
        var p = Publisher("col");
        await p.SweepAsync(default);
        _leadership.IsLeader.Returns(true);
        Stored(("pve1", 5), ("pve2", 9));

        await p.SweepAsync(default);
        await p.PublishDueAsync(default);
        Assert.Equal([("pve1", 5L), ("pve2", 9L)], _sent.Order());

        _time.Advance(WatermarkPublisher.Window);
        Stored(("pve1", 5), ("pve2", 12));
        await p.SweepAsync(default);
        await p.PublishDueAsync(default);
        Assert.Equal(("pve2", 12L), _sent[^1]);
        Assert.Equal(3, _sent.Count);

        // Leadership lost and taken again: everything once more (the other leader may have died mid-publish).
        _leadership.IsLeader.Returns(false);
        await p.SweepAsync(default);
        _leadership.IsLeader.Returns(true);
        _time.Advance(WatermarkPublisher.Window);
        await p.SweepAsync(default);
        await p.PublishDueAsync(default);
        Assert.Equal(5, _sent.Count);
    }

    [Fact]
    public async Task NoGroup_PostgresFollowerFlagIgnored_PublishesWhatItStored()
    {
        _leadership.IsLeader.Returns(false);
        var p = Publisher(null);
        p.Offer(new NodeWatermark("lanaudiere", "pve1", 5), force: false);
        await p.PublishDueAsync(default);
        Assert.Equal([("pve1", 5L)], _sent);
    }
}
