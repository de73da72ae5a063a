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
    // Large enough that the kill lands mid-drain: the AOT agent with the batch publish drained 10,000 rows between two
    // polls of the stored count on a quiet CI machine (10,002 of 10,000 stored at the kill).
    private const int Backlog = 40000;

    [Fact]
    public async Task CollectorKilledMidBatch_Restarted_EverySeqStoredOnce()
    {
        await using var rig = await ChaosRig.StartAsync();
        var (agent, seeded) = await StartDrainingAsync(rig);

        rig.Collector.Kill();
        var storedAtKill = rig.StoredCount();
        Assert.True(storedAtKill < seeded, $"the drain had finished ({storedAtKill} of {seeded} stored) when the collector was killed");
        await rig.Collector.StartAndWaitAsync();

        var last = await ChaosAgent.LastAssignedAsync(agent);
        output.WriteLine($"seeded {seeded}, collector killed with {storedAtKill} stored");
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(rig.Collector, agent, last, output, timeout: TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task AgentKilledDuringReplay_Restarted_EverySeqStoredOnce()
    {
        await using var rig = await ChaosRig.StartAsync();
        var (agent, seeded) = await StartDrainingAsync(rig);

        agent.Kill();
        var storedAtKill = rig.StoredCount();
        var leftAtKill = ChaosAgent.OutboxState(agent.DataDirectory).Rows.Count;
        Assert.True(storedAtKill < seeded, $"the replay had finished ({storedAtKill} of {seeded} stored) when the agent was killed");

        var restarted = rig.Agent(dataDirectory: agent.DataDirectory);
        restarted.Start();
        await Eventually.HoldsAsync(async () => await restarted.StatusAsync() is not null, TimeSpan.FromSeconds(30), () => "agent back\n" + restarted.Log);
        var last = await ChaosAgent.LastAssignedAsync(restarted);
        output.WriteLine($"seeded {seeded}, agent killed with {storedAtKill} stored and {leftAtKill} rows in its outbox");
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(rig.Collector, restarted, last, output, timeout: TimeSpan.FromSeconds(90));
    }

    private static async Task<(AgentProcess Agent, long Seeded)> StartDrainingAsync(ChaosRig rig)
    {
        var agent = rig.Agent();
        var seeded = await ChaosAgent.SeedAsync(agent.DataDirectory, Backlog);
        agent.Start();
        await rig.WaitStoredAsync(500, agent, "drain under way");
        return (agent, seeded);
    }
}
