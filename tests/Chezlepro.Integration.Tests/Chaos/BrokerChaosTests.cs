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
        await using var rig = await ChaosRig.StartAsync();
        var agent = rig.Agent();
        agent.Start();
        await rig.WaitStoredAsync(2, agent, "first messages");

        // The collector goes away cleanly: its durable session stays on the broker and queues what the agent publishes.
        await rig.Collector.StopAsync();
        var atStop = await ChaosAgent.LastAssignedAsync(agent);
        await Eventually.HoldsAsync(async () => await ChaosAgent.LastAssignedAsync(agent) >= atStop + 5, TimeSpan.FromSeconds(20), "queue built");

        rig.Broker.Kill();
        var atKill = await ChaosAgent.LastAssignedAsync(agent);
        await rig.Broker.StartAgainAsync();
        await rig.Collector.StartAndWaitAsync();

        await Eventually.HoldsAsync(async () => await ChaosAgent.LastAssignedAsync(agent) >= atKill + 2, TimeSpan.FromSeconds(20), "agent still producing");
        var last = await ChaosAgent.LastAssignedAsync(agent);
        output.WriteLine($"collector stopped after seq {atStop}, broker killed after {atKill}");
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(rig.Collector, agent, last, output);
    }

    [Fact]
    public async Task BrokerQueueOverflowsWhileCollectorAway_EverySeqStoredOnce()
    {
        const int queueBound = 4;
        await using var rig = await ChaosRig.StartAsync(maxQueuedMessages: queueBound);
        var agent = rig.Agent();
        agent.Start();
        await rig.WaitStoredAsync(2, agent, "first messages");

        await rig.Collector.StopAsync();
        var atStop = await ChaosAgent.LastAssignedAsync(agent);
        // Several times the bound: Mosquitto drops the rest of the collector's queue (and says so in its log).
        await Eventually.HoldsAsync(async () => await ChaosAgent.LastAssignedAsync(agent) >= atStop + (3 * queueBound)
                && rig.BrokerLog().Contains("Outgoing messages are being dropped for client chezlepro-collector-", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), () => "queue overflowed\n" + rig.BrokerLog());
        await rig.Collector.StartAndWaitAsync();

        var last = await ChaosAgent.LastAssignedAsync(agent);
        output.WriteLine($"collector stopped after seq {atStop}, restarted at {last}; queue bound {queueBound}");
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(rig.Collector, agent, last, output);
    }
}
