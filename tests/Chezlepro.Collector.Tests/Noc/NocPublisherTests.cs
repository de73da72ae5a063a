using Chezlepro.Collector.Noc;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ClearExtensions;
using Xunit;

namespace Chezlepro.Collector.Tests.Noc;

public sealed class NocPublisherTests
{
    private static AlertEvent Agent(AlertState state) => new()
    {
        Site = "lanaudiere", Node = "pve1", Seq = 1, Ts = new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero),
        Alert = new Alert { Id = "grid-lost", State = state, Priority = Priority.P2, Source = "victron", Summary = "Panne", SummaryEn = "Grid lost" },
    };

    [Fact]
    public async Task OnAgentAlert_QueuedThenPublishedByTickOnce()
    {
        var client = Substitute.For<IMqttClient>();
        var noc = new NocPublisher(client, new TopicScheme(), new FakeTimeProvider(), NullLogger<NocPublisher>.Instance);
        await noc.OnAgentAlertAsync(Agent(AlertState.Raised), default);
        await noc.OnAgentAlertAsync(Agent(AlertState.Raised), default);
        await client.DidNotReceiveWithAnyArgs().PublishAsync(default!, default);
        await noc.TickAsync(default);
        await client.Received(1).PublishAsync(Arg.Is<MqttApplicationMessage>(m => m.Topic == "chezlepro/v1/noc/alerts" && !m.Retain), Arg.Any<CancellationToken>());
        var view = Assert.Single(await noc.ViewsAsync(null, default));
        Assert.Equal("agent:lanaudiere/pve1/grid-lost", view.Id);
    }

    [Fact]
    public async Task Tick_BrokerAway_KeptAndSentLater()
    {
        var client = Substitute.For<IMqttClient>();
        client.PublishAsync(default!, default).ReturnsForAnyArgs(_ => throw new MqttNotConnectedException());
        var noc = new NocPublisher(client, new TopicScheme(), new FakeTimeProvider(), NullLogger<NocPublisher>.Instance);
        await noc.OfferAsync(NocAlertTexts.NodeOffline("lanaudiere", "pve1", true, default), default);
        client.ClearSubstitute();
        await noc.TickAsync(default);
        await client.Received(1).PublishAsync(Arg.Any<MqttApplicationMessage>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Offer_FollowerOfASharedDeployment_BookedButNotPublished()
    {
        var client = Substitute.For<IMqttClient>();
        // Shared (PostgreSQL) and never took the lock: a follower. No connection is opened by the constructor.
        await using var leadership = new Chezlepro.Collector.Storage.Postgres.PostgresLeadership("Host=127.0.0.1;Port=1;Username=x", NullLogger<Chezlepro.Collector.Storage.Postgres.PostgresLeadership>.Instance);
        var noc = new NocPublisher(client, new TopicScheme(), new FakeTimeProvider(), NullLogger<NocPublisher>.Instance, leadership: leadership);
        await noc.OfferAsync(NocAlertTexts.NodeOffline("lanaudiere", "pve1", true, default), default);
        await noc.TickAsync(default);
        await client.DidNotReceiveWithAnyArgs().PublishAsync(default!, default);
        Assert.Equal("node-offline:lanaudiere/pve1", Assert.Single(await noc.ViewsAsync(AlertState.Raised, default)).Id);
    }
}
