using System.Diagnostics;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Mosquitto;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests;

/// <summary>Issue 2: the outbox carries data through broker outages and agent crashes, exactly once at the collector.</summary>
[Trait("Category", "Integration")]
public sealed class OutboxDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task BrokerDownFor20s_EverySeqReachesCollectorExactlyOnceInOrder_OutboxEndsEmpty()
    {
        await using var broker = await Brokers.StartPersistentAsync();
        await using var collector = await CollectorHost.StartAsync(broker.Port);
        await using var agent = new AgentProcess("lanaudiere", "pve1", broker.Port);
        agent.Start();
        await Eventually.HoldsAsync(async () => (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).Count >= 3,
            TimeSpan.FromSeconds(40), "first messages stored\n" + agent.Log);

        await broker.StopAsync();
        var before = (await agent.StatusAsync())!.Value.GetProperty("outbox").GetProperty("nextSeq").GetInt64();
        await Task.Delay(TimeSpan.FromSeconds(20));
        var status = (await agent.StatusAsync())!.Value;
        var depth = status.GetProperty("outbox").GetProperty("depth").GetInt64();
        var producedDuringOutage = status.GetProperty("outbox").GetProperty("nextSeq").GetInt64() - before;
        Assert.True(depth >= 15, $"the agent kept polling while the broker was down (outbox depth {depth})");

        var sinceRestart = Stopwatch.StartNew();
        await broker.StartAgainAsync();
        await Eventually.HoldsAsync(async () =>
            (await agent.StatusAsync())?.GetProperty("outbox").GetProperty("depth").GetInt64() == 0,
            TimeSpan.FromSeconds(60), "outbox drained\n" + agent.Log);
        // Includes the agent's reconnect backoff (jittered, doubling while the broker was down).
        output.WriteLine($"outage 20 s: {producedDuringOutage} messages produced, backlog {depth}, outbox empty {sinceRestart.Elapsed.TotalSeconds:F1} s after the broker was restarted");

        var last = (await agent.StatusAsync())!.Value.GetProperty("outbox").GetProperty("nextSeq").GetInt64() - 1;
        await Eventually.HoldsAsync(async () => (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).Contains(last),
            TimeSpan.FromSeconds(20), "last seq stored");
        var seqs = await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default);
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, (int)seqs.Max()).Select(i => (long)i), seqs.Order());
        Assert.Equal(seqs.Order(), seqs);
    }

    [Fact]
    public async Task AgentKilledWhileDraining_Restarted_NoSeqLostOrReused_NoDuplicateStored()
    {
        await using var broker = await Brokers.StartPersistentAsync();
        await using var collector = await CollectorHost.StartAsync(broker.Port);
        await using var agent = new AgentProcess("lanaudiere", "pve1", broker.Port, interval: "00:00:01");
        agent.Start();
        await Eventually.HoldsAsync(async () => (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).Count >= 2,
            TimeSpan.FromSeconds(40), "first messages stored\n" + agent.Log);

        // Build a backlog, then kill the agent moments after the broker returns, while it drains.
        await broker.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));
        var beforeKill = (await agent.StatusAsync())!.Value.GetProperty("outbox").GetProperty("nextSeq").GetInt64();
        await broker.StartAgainAsync();
        await Eventually.HoldsAsync(async () => (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).Count > 2,
            TimeSpan.FromSeconds(30), "draining started");
        agent.Kill();
        var storedAtKill = (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).Count;

        await using var restarted = new AgentProcess("lanaudiere", "pve1", broker.Port, dataDirectory: agent.DataDirectory);
        restarted.Start();
        await Eventually.HoldsAsync(async () => (await restarted.StatusAsync())?.GetProperty("outbox").GetProperty("depth").GetInt64() == 0
                && (await restarted.StatusAsync())!.Value.GetProperty("published").GetInt64() > 0,
            TimeSpan.FromSeconds(60), "restarted agent drained\n" + restarted.Log);
        var nextSeq = (await restarted.StatusAsync())!.Value.GetProperty("outbox").GetProperty("nextSeq").GetInt64();
        await Eventually.HoldsAsync(async () => (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).Max() >= nextSeq - 1,
            TimeSpan.FromSeconds(20), "every seq stored");
        output.WriteLine($"killed with {beforeKill - 1} seqs produced, {storedAtKill} stored at kill; after restart next seq {nextSeq}");

        var seqs = await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default);
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, (int)seqs.Max()).Select(i => (long)i), seqs.Order());
        Assert.True(nextSeq > beforeKill, "the restarted agent continues the sequence instead of reusing it");
    }
}
