using System.Diagnostics;
using System.Text.Json;
using Chezlepro.Integration.Tests.Chaos;
using Chezlepro.Integration.Tests.Failover;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Postgres;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Group;

/// <summary>
/// Issue #16, "Prove it": two collector processes in one <c>Collector:Group</c> share one PostgreSQL and one persistent
/// Mosquitto (shared subscription). An agent drains a seeded backlog; the leader is killed with SIGKILL mid-stream and
/// restarted as systemd would (Mosquitto keeps routing a dead durable member's share to its session until it returns:
/// packaging/brokers.md). Every seq is stored once, the agent takes in a watermark covering all of it, the failover the
/// survivor decides is the only decision of its epoch, and a month closed from both collectors at once is closed once.
/// </summary>
/// <remarks>
/// Every wait is on something observable (a row count, a metric, a retained MQTT message, the agent's outbox) with a
/// deadline meant for a machine at load 40+: each step's duration is written to the test output. A read that gets no
/// answer (a loaded collector outliving the HTTP client's timeout) is asked again, never taken as "no".
/// </remarks>
[Trait("Category", "Integration")]
public sealed class CollectorGroupTests(ITestOutputHelper output)
{
    // Large enough that the drain is still going when the kill lands on an idle machine (PostgreSQL ingest runs at a
    // few thousand rows a second), small enough to finish in seconds once both collectors run again.
    private const int Backlog = 8000;

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task LeaderKilledMidStream_EverySeqOnce_WatermarkCurrent_OneDecisionPerEpoch_MonthClosedOnce()
    {
        var steps = new GroupSteps(output);
        await using var postgres = await PostgresServer.StartAsync();
        await using var broker = await Brokers.StartPersistentAsync();
        await using var recorder = await DecisionRecorder.StartAsync(broker.Port);
        await using var a = GroupCollectors.Create(broker.Port, "col-a", postgres.ConnectionString);
        await using var b = GroupCollectors.Create(broker.Port, "col-b", postgres.ConnectionString);
        steps.Done("postgres, broker, recorder");
        await Task.WhenAll(a.StartAndWaitAsync(Step), b.StartAndWaitAsync(Step));
        CollectorProcess[] collectors = [a, b];
        steps.Done("both collectors answer");

        await using var primary = new AgentProcess("lanaudiere", "pve1", broker.Port);
        await using var secondary = new AgentProcess("st-bruno", "pve1", broker.Port);
        primary.Start();
        secondary.Start();
        // One leader, one follower, both sites online, all before the stream starts: the kill then lands mid-stream.
        await Eventually.HoldsAsync(async () => await SitesOnlineAsync(a, "lanaudiere", "st-bruno") && await SitesOnlineAsync(b, "lanaudiere", "st-bruno"),
            Step, () => $"failover sites online on both\ncol-a:\n{a.Log}\ncol-b:\n{b.Log}");
        var leaders = await Task.WhenAll(collectors.Select(c => GroupCollectors.LeaderAnswerAsync(c, Step)));
        Assert.True(leaders.Order().SequenceEqual([0d, 1d]), $"one leader and one follower: {string.Join(",", leaders)}");
        var leader = leaders[0] == 1 ? a : b;
        var survivor = leader == a ? b : a;
        steps.Done($"sites online, {leader.Url} leads");

        // The chaos cases' 5 s acknowledgement timeout makes a loaded pair of collectors ingest the backlog several times
        // over (each late watermark re-sends the whole window); 30 s still re-sends what waits for the killed member.
        await using var agent = ChaosAgent.Create(broker.Port, amend: config => config["Forwarding"]!["AckTimeout"] = "00:00:30");
        var seeded = await ChaosAgent.SeedAsync(agent.DataDirectory, Backlog);
        agent.Start();
        // Killed mid-stream: the wait reads the database only (a few ms), because a /metrics poll of two loaded
        // collectors has taken long enough for the whole backlog to drain before the kill.
        await Eventually.HoldsAsync(async () => await GroupCollectors.CountAsync(postgres.ConnectionString, ChaosAgent.Site) >= 200,
            Step, () => $"drain under way\ncol-a:\n{a.Log}\ncol-b:\n{b.Log}\nagent:\n{agent.Log}");
        leader.Kill();
        var storedAtKill = (await StoredAsync(postgres)).Count;
        steps.Done($"leader killed with {storedAtKill} of {seeded} stored");
        Assert.True(storedAtKill < seeded, $"the drain had finished ({storedAtKill} of {seeded}) when the leader was killed");

        // The lock dies with the killed collector's PostgreSQL session (the kernel closes its socket): the survivor
        // leads within a leadership round or two.
        await Eventually.HoldsAsync(async () => await GroupCollectors.LeaderAsync(survivor) == 1, Step, () => "survivor takes over\n" + survivor.Log);
        Assert.True(await GroupCollectors.MetricAnswerAsync(survivor, Accepted, Step) > 0, "the survivor stored its share of the stream");
        steps.Done("survivor leads");
        primary.Kill();
        await Eventually.HoldsAsync(() => Task.FromResult(!recorder.Decisions.IsEmpty), Step,
            () => "a failover decision from the new leader\n" + survivor.Log);
        steps.Done("failover decided by the survivor");

        // Restarted as systemd would, with the same client id: Mosquitto hands it the share it queued while it was dead.
        await leader.StartAndWaitAsync(Step);
        steps.Done("killed collector restarted");
        var last = await LastAssignedAsync(agent);
        await Eventually.HoldsAsync(() => Task.FromResult(ChaosAgent.OutboxState(agent.DataDirectory).Watermark >= last), Step,
            () => $"the agent takes in a watermark covering seq {last}\nagent:\n{agent.Log}\nsurvivor:\n{survivor.Log}\nrestarted:\n{leader.Log}");
        steps.Done($"watermark covers seq {last}");
        // What the broker queued for the killed member (and its share of any re-send) reached the store through it.
        Assert.True(await GroupCollectors.MetricAnswerAsync(leader, Accepted, Step) > 0, "the restarted collector stored the share queued for it");

        var stored = await StoredAsync(postgres);
        var twice = stored.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"stored more than once: {string.Join(",", twice.Take(20))}");
        var lost = DeliveryChecks.LongRange(1, last).Except(stored).ToList();
        Assert.True(lost.Count == 0, $"not stored: {DeliveryChecks.Runs(lost)}");
        foreach (var c in collectors)
        {
            var delivery = await GroupCollectors.DeliveryAnswerAsync(c, ChaosAgent.Site, ChaosAgent.Node, Step);
            Assert.True(delivery.GetProperty("watermark").GetInt64() >= last, $"{c.Url} reads the shared watermark {delivery}");
        }

        // One decision for epoch 1, in the shared audit log and on the wire (a retained copy seen again is the same one).
        Assert.Equal(["1|st-bruno"], await GroupCollectors.RowsAsync(postgres.ConnectionString,
            "SELECT epoch, active FROM failover_decisions WHERE grp = 'public-web' ORDER BY epoch;"));
        Assert.Equal([1L], recorder.Decisions.Select(d => d.Decision).Distinct().Select(d => d.Epoch));

        // A month closed from both collectors at once: the store's key lets one through.
        var month = DateTimeOffset.UtcNow.AddMonths(-2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var closes = await Task.WhenAll(collectors.Select(c => GroupCollectors.OperatorPostAsync(c, $"/api/v1/sla/{month}/close")));
        Assert.Equal([200, 409], closes.Order());
        Assert.Single(await GroupCollectors.RowsAsync(postgres.ConnectionString, $"SELECT closed_by FROM closed_months WHERE month = '{month}';"));
        steps.Done("month closed once");

        output.WriteLine($"seeded {seeded}, last seq {last}; {storedAtKill} stored when {leader.Url} (leader) was killed; duplicates absorbed: " +
                         $"{await GroupCollectors.MetricAnswerAsync(a, Duplicate, Step)} + {await GroupCollectors.MetricAnswerAsync(b, Duplicate, Step)}");
    }

    private const string Accepted = "chezlepro_ingest_messages_total{result=\"accepted\"}";

    private const string Duplicate = "chezlepro_ingest_messages_total{result=\"duplicate\"}";

    private static Task<IReadOnlyList<long>> StoredAsync(PostgresServer postgres) => GroupCollectors.StoredSeqsAsync(postgres.ConnectionString, ChaosAgent.Site, ChaosAgent.Node);

    /// <summary>The agent's last assigned seq, asked again until its status page answers (2 s a request).</summary>
    private static async Task<long> LastAssignedAsync(AgentProcess agent)
    {
        JsonElement? status = null;
        await Eventually.HoldsAsync(async () => (status = await agent.StatusAsync()) is not null, Step, () => "agent status page answers\n" + agent.Log);
        return status!.Value.GetProperty("outbox").GetProperty("nextSeq").GetInt64() - 1;
    }

    private static async Task<bool> SitesOnlineAsync(CollectorProcess collector, params string[] sites)
    {
        using var doc = JsonDocument.Parse(await collector.Http.GetStringAsync("/api/v1/sites"));
        var online = doc.RootElement.EnumerateArray()
            .Where(s => s.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("online").GetBoolean()))
            .Select(s => s.GetProperty("site").GetString()).ToHashSet();
        return sites.All(online.Contains);
    }

    /// <summary>Writes each step's own duration and the running total to the test output.</summary>
    private sealed class GroupSteps(ITestOutputHelper output)
    {
        private readonly Stopwatch _total = Stopwatch.StartNew();
        private TimeSpan _last;

        public void Done(string step)
        {
            var now = _total.Elapsed;
            output.WriteLine($"{now.TotalSeconds,6:0.0} s (+{(now - _last).TotalSeconds:0.0} s) {step}");
            _last = now;
        }
    }
}
