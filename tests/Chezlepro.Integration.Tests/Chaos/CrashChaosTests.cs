using Chezlepro.Integration.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Chaos;

/// <summary>
/// Issue #15: a process dies with a drain half done. The agent starts from a seeded outbox (a long outage's backlog),
/// so the kill lands while thousands of rows are in flight whatever the machine's speed.
/// </summary>
[Trait("Category", "Chaos")]
public sealed class CrashChaosTests(ITestOutputHelper output)
{
    private const int Backlog = 10000;

    [Fact]
    public async Task CollectorKilledMidBatch_Restarted_EverySeqStoredOnce()
    {
        await using var broker = await Brokers.StartPersistentAsync();
        await using var collector = new CollectorProcess(broker.Port);
        await collector.StartAndWaitAsync();
        await using var agent = ChaosAgent.Create(broker.Port);
        var seeded = await ChaosAgent.SeedAsync(agent.DataDirectory, Backlog);
        agent.Start();
        await Eventually.HoldsAsync(() => Task.FromResult(collector.StoredSeqs(ChaosAgent.Site, ChaosAgent.Node).Count >= 500),
            TimeSpan.FromSeconds(40), "drain under way\n" + agent.Log + collector.Log);

        collector.Kill();
        var storedAtKill = collector.StoredSeqs(ChaosAgent.Site, ChaosAgent.Node).Count;
        Assert.True(storedAtKill < seeded, $"the drain had finished ({storedAtKill} of {seeded} stored) when the collector was killed");
        await collector.StartAndWaitAsync();

        var last = await ChaosAgent.LastAssignedAsync(agent);
        output.WriteLine($"seeded {seeded}, collector killed with {storedAtKill} stored");
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(collector, agent, last, output, timeout: TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task AgentKilledDuringReplay_Restarted_EverySeqStoredOnce()
    {
        await using var broker = await Brokers.StartPersistentAsync();
        await using var collector = new CollectorProcess(broker.Port);
        await collector.StartAndWaitAsync();
        await using var agent = ChaosAgent.Create(broker.Port);
        var seeded = await ChaosAgent.SeedAsync(agent.DataDirectory, Backlog);
        agent.Start();
        await Eventually.HoldsAsync(() => Task.FromResult(collector.StoredSeqs(ChaosAgent.Site, ChaosAgent.Node).Count >= 500),
            TimeSpan.FromSeconds(40), "replay under way\n" + agent.Log + collector.Log);

        agent.Kill();
        var storedAtKill = collector.StoredSeqs(ChaosAgent.Site, ChaosAgent.Node).Count;
        var leftAtKill = ChaosAgent.OutboxRows(agent.DataDirectory).Count;
        Assert.True(storedAtKill < seeded, $"the replay had finished ({storedAtKill} of {seeded} stored) when the agent was killed");

        await using var restarted = ChaosAgent.Create(broker.Port, dataDirectory: agent.DataDirectory);
        restarted.Start();
        await Eventually.HoldsAsync(async () => await restarted.StatusAsync() is not null, TimeSpan.FromSeconds(30), "agent back\n" + restarted.Log);
        var last = await ChaosAgent.LastAssignedAsync(restarted);
        output.WriteLine($"seeded {seeded}, agent killed with {storedAtKill} stored and {leftAtKill} rows in its outbox");
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(collector, restarted, last, output, timeout: TimeSpan.FromSeconds(90));
    }
}
