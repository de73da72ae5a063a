using Chezlepro.Integration.Tests.Chaos;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.RabbitMq;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.RabbitMq;

/// <summary>One private RabbitMQ node per class: its start costs seconds.</summary>
public sealed class RabbitMqNode : IAsyncLifetime
{
    public RabbitMqBroker Broker { get; private set; } = null!;

    public async Task InitializeAsync() => Broker = await RabbitMqBroker.StartAsync();

    public async Task DisposeAsync() => await Broker.DisposeAsync();
}

/// <summary>
/// Issue #16, a second broker: a real agent and a real collector through RabbitMQ's MQTT plugin instead of Mosquitto.
/// The agent drains a backlog; each seq is stored once and the agent takes in a watermark covering all of it (the
/// collector's retained <c>ack</c> came back to it through RabbitMQ's retained store).
/// </summary>
[Trait("Category", "Integration")]
public sealed class RabbitMqSmokeTests(RabbitMqNode rabbit, ITestOutputHelper output) : IClassFixture<RabbitMqNode>
{
    [Fact]
    public async Task AgentToCollectorThroughRabbitMq_StoredOnce_WatermarkAcknowledged()
    {
        await using var collector = new CollectorProcess(rabbit.Broker.Port);
        await collector.StartAndWaitAsync();
        await using var agent = ChaosAgent.Create(rabbit.Broker.Port);
        var seeded = await ChaosAgent.SeedAsync(agent.DataDirectory, 300);
        agent.Start();

        await Eventually.HoldsAsync(() => Task.FromResult(ChaosAgent.OutboxState(agent.DataDirectory).Watermark >= seeded), TimeSpan.FromSeconds(90),
            () => $"the agent takes in a watermark covering seq {seeded}\nagent:\n{agent.Log}\ncollector:\n{collector.Log}\nrabbitmq:\n{rabbit.Broker.Log}");
        var last = await ChaosAgent.LastAssignedAsync(agent);
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(collector, agent, last, output, timeout: TimeSpan.FromSeconds(60));
    }
}
