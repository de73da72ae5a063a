using System.Globalization;
using System.Text.Json;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Postgres;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>
/// Two real collectors (as they ship, <c>Collector:Store = postgres</c>) on one private PostgreSQL and one real
/// Mosquitto, with real agents: a primary killed with SIGKILL leads to exactly one decision (epoch 1), taken
/// by the lock holder; when that collector stops, the other takes over and continues at epoch 2.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailoverTwoCollectorsTests
{
    private readonly ITestOutputHelper _output;

    public FailoverTwoCollectorsTests(ITestOutputHelper output) => _output = output;

    private static string[] Args(string id, string connectionString) =>
    [
        $"--Collector:Id={id}", "--Collector:Store=postgres", $"--Collector:ConnectionString={connectionString}",
        "--Catalog:FailoverGroups:0:Id=public-web", "--Catalog:FailoverGroups:0:Primary=lanaudiere", "--Catalog:FailoverGroups:0:Secondary=st-bruno",
        "--Catalog:FailoverGroups:0:Mode=automatic", "--Catalog:FailoverGroups:0:Hold=00:00:05", "--Catalog:FailoverGroups:0:Failback=manual",
        "--Failover:Interval=00:00:00.500", "--Failover:StaleAfter=00:00:30", "--Failover:MaxObservationGap=00:00:05",
    ];

    [Fact]
    public async Task PrimaryKilled_TwoCollectorsOnPostgres_OneDecisionThenTakeoverAtNextEpoch()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var broker = await MosquittoBroker.StartAsync();
        await using var recorder = await DecisionRecorder.StartAsync(broker.Port);
        var hosts = new List<FailoverCollectorHost>
        {
            await FailoverCollectorHost.StartAsync(broker.Port, Args("col-a", postgres.ConnectionString)),
            await FailoverCollectorHost.StartAsync(broker.Port, Args("col-b", postgres.ConnectionString)),
        };
        var primary = new AgentProcess("lanaudiere", "pve1", broker.Port);
        var secondary = new AgentProcess("st-bruno", "pve1", broker.Port);
        try
        {
            primary.Start();
            secondary.Start();
            foreach (var c in hosts)
            {
                await Eventually.HoldsAsync(async () => CountOnline(await c.Http.GetStringAsync("/api/v1/sites")) == 2,
                    TimeSpan.FromSeconds(40), "both agents online in the shared store");
            }

            primary.Kill();
            await Eventually.HoldsAsync(() => Task.FromResult(!recorder.Decisions.IsEmpty), TimeSpan.FromSeconds(30), "a decision");
            foreach (var c in hosts) await c.SettleAsync(recorder); // a further round on each, everything published up to it seen
            var first = recorder.Decisions.Select(d => d.Decision).Distinct().ToList();
            Assert.Equal(1, Assert.Single(first).Epoch);
            Assert.Equal("st-bruno", first[0].Active);
            foreach (var c in hosts)
                Assert.Equal(1, (await c.GroupAsync("public-web")).GetProperty("epoch").GetInt64()); // the follower reads the shared log

            // Exactly one of them is the decision-maker: the follower refuses operator calls for that reason.
            var following = new List<bool>();
            foreach (var c in hosts)
            {
                using var probe = await c.OperatorPostAsync("/api/v1/failover/public-web/confirm");
                Assert.Equal(409, (int)probe.StatusCode);
                following.Add((await probe.Content.ReadAsStringAsync()).Contains("leadership", StringComparison.Ordinal));
            }
            Assert.Equal(1, following.Count(f => f));
            var leader = hosts[following.IndexOf(false)];
            var follower = hosts[following.IndexOf(true)];

            // The decision-maker stops (its session and lock go with it); the other must continue at epoch 2.
            hosts.Remove(leader);
            await leader.DisposeAsync();
            var takeover = await Eventually.HoldsAsync(async () =>
            {
                using var r = await follower.OperatorPostAsync("/api/v1/failover/public-web/failback");
                return r.IsSuccessStatusCode;
            }, TimeSpan.FromSeconds(20), "operator failback accepted by the remaining collector");
            await Eventually.HoldsAsync(() => Task.FromResult(recorder.Decisions.Any(d => d.Decision.Epoch == 2)), TimeSpan.FromSeconds(10), "epoch 2 published");
            await follower.SettleAsync(recorder);
            var all = recorder.Decisions.Select(d => d.Decision).Distinct().OrderBy(d => d.Epoch).ToList();
            Assert.Equal([1L, 2L], all.Select(d => d.Epoch));
            Assert.Equal("lanaudiere", all[1].Active);
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"decision messages seen: {recorder.Decisions.Count}, distinct decisions {all.Count}; failback accepted by the new leader {takeover.TotalSeconds:0.0} s after the old one stopped"));
        }
        finally
        {
            primary.Kill();
            await primary.DisposeAsync();
            await secondary.DisposeAsync();
            foreach (var h in hosts) await h.DisposeAsync();
        }
    }

    private static int CountOnline(string sitesJson)
    {
        using var doc = JsonDocument.Parse(sitesJson);
        return doc.RootElement.EnumerateArray().SelectMany(s => s.GetProperty("nodes").EnumerateArray()).Count(n => n.GetProperty("online").GetBoolean());
    }
}
