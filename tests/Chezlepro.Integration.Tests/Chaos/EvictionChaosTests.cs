using System.Text.Json.Nodes;
using Chezlepro.Agent.Outbox;
using Chezlepro.Integration.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Chaos;

/// <summary>
/// Issue #15: the collector stays away long enough for the agent's outbox to pass its byte bound. The oldest telemetry
/// goes, a gaps notice says which seqs, and the collector reports exactly those as missing and explained.
/// </summary>
[Trait("Category", "Chaos")]
public sealed class EvictionChaosTests(ITestOutputHelper output)
{
    // The smallest bound the agent accepts; the seeded backlog (about 1.7 MB of payload) is well past it.
    private const long MaxBytes = 1 << 20;
    private const int Backlog = 5000;

    [Fact]
    public async Task OutboxPastItsByteBound_GapsNoticeArrives_EvictedSeqsExplained_NothingElseMissing()
    {
        await using var rig = await ChaosRig.StartAsync();
        var collector = rig.Collector;
        static void Bound(JsonObject c) => c["Outbox"] = new JsonObject { ["MaxBytes"] = MaxBytes };
        var agent = rig.Agent(amend: Bound);
        agent.Start();
        await rig.WaitStoredAsync(2, agent, "first messages");

        // The collector goes; the agent stops (cleanly) so the outage's backlog can be written into its outbox.
        await collector.StopAsync();
        await agent.StopAsync();
        var storedBefore = collector.StoredSeqs(ChaosAgent.Site, ChaosAgent.Node).Max();
        var seeded = await ChaosAgent.SeedAsync(agent.DataDirectory, Backlog);

        var bounded = rig.Agent(dataDirectory: agent.DataDirectory, amend: Bound);
        bounded.Start();
        // The eviction commits its gaps notice with it: once the notice is in the file, so is the eviction.
        (IReadOnlyList<(long Seq, int Kind)> Rows, long Watermark) outbox = ([], 0);
        await Eventually.HoldsAsync(() =>
        {
            outbox = ChaosAgent.OutboxState(bounded.DataDirectory);
            return Task.FromResult(outbox.Rows.Any(r => r.Kind == (int)OutboxKind.Gaps));
        }, TimeSpan.FromSeconds(30), () => "gaps notice written\n" + bounded.Log);
        // Rows go only with a watermark or an eviction: above the agent's watermark, a seq gone from the file was evicted.
        var kept = outbox.Rows.Select(r => r.Seq).ToHashSet();
        var evicted = DeliveryChecks.LongRange(outbox.Watermark + 1, outbox.Rows.Max(r => r.Seq)).Where(s => !kept.Contains(s)).ToHashSet();
        Assert.NotEmpty(evicted);

        await collector.StartAndWaitAsync();
        var last = await ChaosAgent.LastAssignedAsync(bounded);
        output.WriteLine($"stored through {storedBefore} before the outage, seeded through {seeded}, evicted {evicted.Count}: " +
                         DeliveryChecks.Runs([.. evicted.Order()]));
        await DeliveryChecks.AssertEverySeqStoredOnceAsync(collector, bounded, last, output, evicted);
    }
}
