using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Noc;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace Chezlepro.Collector.Tests.Noc;

public sealed class NocFailoverAlertsTests
{
    private static readonly FailoverGroupDefinition Group = new() { Id = "public-web", Primary = "lanaudiere", Secondary = "st-bruno" };
    private static readonly DateTimeOffset At = new(2026, 11, 21, 14, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task FailoverTells_BlockedThenDecided_NocAlertsRaisedOncePerChange()
    {
        var client = Substitute.For<IMqttClient>();
        var noc = new NocPublisher(client, new TopicScheme(), new FakeTimeProvider(At), NullLogger<NocPublisher>.Instance);
        var sink = new NocFailoverAlerts(noc);

        await sink.GroupObservedAsync(Group, blocked: false, At, default); // a clear never raised: nothing
        await sink.GroupObservedAsync(Group, blocked: true, At, default);
        await sink.GroupObservedAsync(Group, blocked: true, At, default); // the same again: nothing
        await sink.DecisionStandsAsync(Group, new FailoverDecision
        {
            Group = "public-web", Active = "st-bruno", Previous = "lanaudiere", Epoch = 1, Mode = "automatic", Reason = "primary-unreachable", DecidedAt = At,
        }, At, default);

        var views = await noc.ViewsAsync(AlertState.Raised, default);
        Assert.Equal(["failover-blocked:public-web", "failover:public-web"], views.Select(v => v.Id).Order(StringComparer.Ordinal));
        await client.ReceivedWithAnyArgs(2).PublishAsync(default!, default);
    }
}
