using System.Diagnostics;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests;

/// <summary>
/// Issue 2: the outbox carries data through broker outages and agent crashes, exactly once at the collector. "Once" is
/// observed at the collector's ingest (every delivery counted, received against stored), not inferred from the
/// store's UNIQUE (site, node, seq), which would hide a re-sent duplicate as well as a reused seq.
/// </summary>
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
        await Task.Delay(TimeSpan.FromSeconds(20)); // the outage itself
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
        Assert.Equal(Enumerable.Range(1, (int)seqs.Max()).Select(i => (long)i), seqs.Order());
        Assert.Equal(seqs.Order(), seqs); // stored in seq order

        await AssertReceivedAgainstStoredAsync(collector, seqs);
    }

    [Fact]
    public async Task AgentKilledWhileDraining_Restarted_NoSeqLostOrReused_NoDuplicateStored()
    {
        await using var broker = await Brokers.StartPersistentAsync();
        await using var collector = await CollectorHost.StartAsync(broker.Port);
        // The agent reaches the broker through a relay that can withhold PUBACKs: the drain can be frozen half-way,
        // delivered but not acknowledged, whatever the machine's speed. A small window keeps part of the backlog unsent.
        await using var gate = new PubAckGate(broker.Port);
        await using var agent = new AgentProcess("lanaudiere", "pve1", gate.Port, interval: "00:00:01", maxInflight: 4);
        agent.Start();
        await Eventually.HoldsAsync(async () => (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).Count >= 2,
            TimeSpan.FromSeconds(40), "first messages stored\n" + agent.Log);

        // Build a backlog larger than the window while the broker is down.
        await broker.StopAsync();
        var lastBeforeOutage = (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).Max();
        await Eventually.HoldsAsync(async () => (await agent.StatusAsync())?.GetProperty("outbox").GetProperty("depth").GetInt64() >= 12,
            TimeSpan.FromSeconds(40), "backlog built\n" + agent.Log);
        var beforeKill = (await agent.StatusAsync())!.Value.GetProperty("outbox").GetProperty("nextSeq").GetInt64();

        // The broker returns; three PUBACKs reach the agent, no later one: the drain starts and cannot finish.
        gate.HoldAfter(3);
        await broker.StartAgainAsync();
        await Eventually.HoldsAsync(async () => gate.Held > 0
                && (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).Any(s => s > lastBeforeOutage),
            TimeSpan.FromSeconds(30), "drain started and held\n" + agent.Log);
        agent.Kill();

        // The kill came during the drain, and is seen to have: part of the backlog stored, part never sent, and rows the
        // collector already has still in the outbox (never acknowledged to the agent), so they will arrive twice.
        var storedAtKill = (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).ToHashSet();
        var left = OutboxSeqs(agent.DataDirectory);
        var backlogStored = storedAtKill.Count(s => s > lastBeforeOutage);
        Assert.True(backlogStored > 0, "the drain had not started when the agent was killed");
        Assert.True(left.Any(s => !storedAtKill.Contains(s)), $"the drain had finished when the agent was killed (outbox: {string.Join(",", left)})");
        // Rows stored but still in the outbox exist only if the collector's watermark had not reached the agent before
        // the kill; with the faster AOT agent it sometimes has (CI, 2026-12-06), so their count is reported, not required.
        var resent = left.Where(storedAtKill.Contains).ToList();

        await using var restarted = new AgentProcess("lanaudiere", "pve1", broker.Port, dataDirectory: agent.DataDirectory);
        restarted.Start();
        await Eventually.HoldsAsync(async () => (await restarted.StatusAsync())?.GetProperty("outbox").GetProperty("depth").GetInt64() == 0
                && (await restarted.StatusAsync())!.Value.GetProperty("published").GetInt64() > 0,
            TimeSpan.FromSeconds(60), "restarted agent drained\n" + restarted.Log);
        var nextSeq = (await restarted.StatusAsync())!.Value.GetProperty("outbox").GetProperty("nextSeq").GetInt64();
        await Eventually.HoldsAsync(async () => (await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default)).Max() >= nextSeq - 1,
            TimeSpan.FromSeconds(20), "every seq stored");
        // Rows the collector stored but never acknowledged to the killed agent either reach the ingest a second time
        // (re-sent before the restarted agent read the collector's retained watermark) or are deleted unsent (the
        // watermark came first): both are right, and which one happens is a race. What must hold either way: every
        // further delivery is counted as a duplicate and nothing is stored twice (below).
        output.WriteLine($"killed with {beforeKill - 1} seqs produced, {backlogStored} of the backlog stored and {left.Count} rows left " +
                         $"({resent.Count} of them already stored); after restart next seq {nextSeq}");

        var seqs = await collector.Store.GetSeqsAsync("lanaudiere", "pve1", default);
        Assert.Equal(Enumerable.Range(1, (int)seqs.Max()).Select(i => (long)i), seqs.Order());
        Assert.True(nextSeq > beforeKill, "the restarted agent continues the sequence instead of reusing it");
        await AssertReceivedAgainstStoredAsync(collector, seqs);
    }

    /// <summary>
    /// Received (every delivery at the ingest) against stored: each stored seq was received, each further delivery of it
    /// was counted by the collector as a duplicate (not stored again, not counted as accepted), and /metrics says so.
    /// Returns the duplicate deliveries seen.
    /// </summary>
    private async Task<int> AssertReceivedAgainstStoredAsync(CollectorHost collector, IReadOnlyList<long> stored)
    {
        var (received, counted) = await collector.Tap.SnapshotAsync("lanaudiere", "pve1");
        var duplicates = received.Count - received.Distinct().Count();
        output.WriteLine($"ingest: {received.Count} deliveries of {received.Distinct().Count()} seqs, {duplicates} duplicates; stored {stored.Count}");
        Assert.Equal(stored.Order(), received.Distinct().Order());
        Assert.Equal(duplicates, counted);
        var metrics = await collector.Http.GetStringAsync("/metrics");
        var line = metrics.Split('\n').Single(l => l.StartsWith("chezlepro_ingest_messages_total{result=\"duplicate\"}", StringComparison.Ordinal));
        Assert.True(long.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= duplicates, line);
        return duplicates;
    }

    // The killed agent's outbox as it stands on disk (committed rows; the agent is gone).
    private static List<long> OutboxSeqs(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "outbox.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq FROM outbox ORDER BY seq;";
        using var reader = command.ExecuteReader();
        var seqs = new List<long>();
        while (reader.Read()) seqs.Add(reader.GetInt64(0));
        return seqs;
    }
}
