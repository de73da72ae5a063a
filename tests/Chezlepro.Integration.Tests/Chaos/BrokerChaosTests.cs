using Chezlepro.Integration.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Chaos;

/// <summary>
/// Issue #15: the broker loses what it had accepted (killed with a queue not yet saved, or a queue bound overflowed)
/// while the collector is away; the agent, which keeps every row until a watermark covers it, sends it again.
/// </summary>
[Trait("Category", "Chaos")]
public sealed class BrokerChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task BrokerKilledHoldingQueueForAbsentCollector_EverySeqStoredOnce()
    {
        await using var broker = await Brokers.StartPersistentAsync();
        await using var collector = new CollectorProcess(broker.Port);
        await collector.StartAndWaitAsync();
        await using var agent = ChaosAgent.Create(broker.Port);
        agent.Start();
        await Eventually.HoldsAsync(() => Task.FromResult(collector.StoredSeqs(ChaosAgent.Site, ChaosAgent.Node).Count >= 2),
            TimeSpan.FromSeconds(40), "first messages stored\n" + agent.Log + collector.Log);

        // The collector goes away cleanly: its durable session stays on the broker and queues what the agent publishes.
        await collector.StopAsync();
        var atStop = await ChaosAgent.LastAssignedAsync(agent);
        await Eventually.HoldsAsync(async () => await ChaosAgent.LastAssignedAsync(agent) >= atStop + 5, TimeSpan.FromSeconds(20), "queue built");

        broker.Kill();
        var atKill = await ChaosAgent.LastAssignedAsync(agent);
        await broker.StartAgainAsync();
        await collector.StartAndWaitAsync();

        await Eventually.HoldsAsync(async () => await ChaosAgent.LastAssignedAsync(agent) >= atKill + 2, TimeSpan.FromSeconds(20), "agent still producing");
        var last = await ChaosAgent.LastAssignedAsync(agent);
        output.WriteLine($"collector stopped after seq {atStop}, broker killed after {atKill}");
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(collector, agent, last, output);
    }

    [Fact]
    public async Task BrokerQueueOverflowsWhileCollectorAway_EverySeqStoredOnce()
    {
        const int queueBound = 4;
        await using var broker = await Brokers.StartPersistentAsync(maxQueuedMessages: queueBound);
        await using var collector = new CollectorProcess(broker.Port);
        await collector.StartAndWaitAsync();
        await using var agent = ChaosAgent.Create(broker.Port);
        agent.Start();
        await Eventually.HoldsAsync(() => Task.FromResult(collector.StoredSeqs(ChaosAgent.Site, ChaosAgent.Node).Count >= 2),
            TimeSpan.FromSeconds(40), "first messages stored\n" + agent.Log + collector.Log);

        await collector.StopAsync();
        var atStop = await ChaosAgent.LastAssignedAsync(agent);
        // Several times the bound: Mosquitto drops the rest of the collector's queue (and says so in its log).
        await Eventually.HoldsAsync(async () => await ChaosAgent.LastAssignedAsync(agent) >= atStop + (3 * queueBound)
                && broker.ReadLog().Contains("dropped", StringComparison.OrdinalIgnoreCase),
            TimeSpan.FromSeconds(30), "queue overflowed\n" + broker.ReadLog());
        await collector.StartAndWaitAsync();

        var last = await ChaosAgent.LastAssignedAsync(agent);
        output.WriteLine($"collector stopped after seq {atStop}, restarted at {last}; queue bound {queueBound}");
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(collector, agent, last, output);
    }
}
