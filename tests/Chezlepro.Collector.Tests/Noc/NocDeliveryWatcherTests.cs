using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Watermarks;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace Chezlepro.Collector.Tests.Noc;

public sealed class NocDeliveryWatcherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero));
    private readonly IDeliveryStore _store = Substitute.For<IDeliveryStore>();
    private readonly IMqttClient _client = Substitute.For<IMqttClient>();

    private (NocDeliveryWatcher Watcher, NocPublisher Noc) Create(ILeadership? leadership = null)
    {
        var noc = new NocPublisher(_client, new TopicScheme(), _time, NullLogger<NocPublisher>.Instance);
        return (new NocDeliveryWatcher(_store, noc, Microsoft.Extensions.Options.Options.Create(new NocOptions()), _time, new LoopFailureCounters(),
            NullLogger<NocDeliveryWatcher>.Instance, leadership), noc);
    }

    private void Hole(DateTimeOffset? since) =>
        _store.GetDeliverySummariesAsync(Arg.Any<CancellationToken>()).Returns([new DeliverySummary("lanaudiere", "pve1", 41, 0, since is null ? 0 : 3, since)]);

    [Fact]
    public async Task Round_HoleOlderThanTenMinutes_Raised_ThenClearedWhenFilled()
    {
        var (watcher, noc) = Create();
        Hole(_time.GetUtcNow());
        _time.Advance(NocDeliveryWatcher.HoleAge - TimeSpan.FromSeconds(1));
        await watcher.RunRoundAsync(default);
        Assert.Empty(await noc.ViewsAsync(null, default));

        _time.Advance(TimeSpan.FromSeconds(1));
        await watcher.RunRoundAsync(default);
        var raised = Assert.Single(await noc.ViewsAsync(AlertState.Raised, default));
        Assert.Equal(("delivery-hole:lanaudiere/pve1", Priority.P3), (raised.Id, raised.Priority));

        Hole(null);
        await watcher.RunRoundAsync(default);
        Assert.Equal("delivery-hole:lanaudiere/pve1", Assert.Single(await noc.ViewsAsync(AlertState.Cleared, default)).Id);
        await _client.Received(2).PublishAsync(Arg.Is<MqttApplicationMessage>(m => m.Topic == "chezlepro/v1/noc/alerts"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Round_Follower_DerivesNothing()
    {
        var leadership = Substitute.For<ILeadership>();
        leadership.Shared.Returns(true);
        leadership.IsLeader.Returns(false);
        var (watcher, noc) = Create(leadership);
        Hole(_time.GetUtcNow() - TimeSpan.FromHours(1));
        await watcher.RunRoundAsync(default);
        Assert.Empty(await noc.ViewsAsync(null, default));
    }
}
