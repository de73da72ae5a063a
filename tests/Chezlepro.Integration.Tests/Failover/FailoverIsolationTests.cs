using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Mosquitto;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>
/// The collector loses its broker (the broker is stopped): an isolated witness never decides, even though the
/// primary really died meanwhile; when the broker returns, the collector does not act on the stale state it
/// kept but waits for a full, fresh hold with the witness up.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailoverIsolationTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Isolation = TimeSpan.FromSeconds(14);
    private readonly ITestOutputHelper _output;

    public FailoverIsolationTests(ITestOutputHelper output) => _output = output;

    // Agents send every second: 6 s without news is stale, well inside the isolation.
    private static string[] GroupArgs() => FailoverArgs.PublicWeb(hold: "00:00:10", staleAfter: "00:00:06");

    [Fact]
    public async Task BrokerLost_PrimaryDiesWhileIsolated_NoDecisionUntilAFreshHoldAfterReturn()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var recorder = await DecisionRecorder.StartAsync(broker.Port);
        await using var collector = await FailoverCollectorHost.StartAsync(broker.Port, GroupArgs());
        var primary = new AgentProcess("lanaudiere", "pve1", broker.Port);
        var secondary = new AgentProcess("st-bruno", "pve1", broker.Port);
        try
        {
            primary.Start();
            secondary.Start();
            await Eventually.HoldsAsync(async () =>
            {
                var sites = await collector.Http.GetStringAsync("/api/v1/sites");
                return CountOnline(sites) == 2 && (await collector.GroupAsync("public-web")).GetProperty("state").GetString() == "primary-active";
            }, TimeSpan.FromSeconds(40), "both agents online, group on its primary");

            // The collector's broker goes away, and the primary really dies while nobody can see it.
            await broker.StopAsync();
            primary.Kill();
            var isolated = Stopwatch.StartNew();
            while (isolated.Elapsed < Isolation)
            {
                var g = await collector.GroupAsync("public-web");
                Assert.Equal(0, g.GetProperty("epoch").GetInt64());
                // No hold even starts: the witness is down, so "primary unreachable" does not count.
                Assert.Equal("primary-active", g.GetProperty("state").GetString());
                await Task.Delay(500);
            }
            // The last word on the isolation is a round at its end, not the hope that the service ran enough of them.
            await collector.RoundAsync();
            var afterIsolation = await collector.GroupAsync("public-web");
            Assert.Equal(0, afterIsolation.GetProperty("epoch").GetInt64());
            Assert.Equal("primary-active", afterIsolation.GetProperty("state").GetString());

            var returnedAt = TimeProvider.System.GetUtcNow();
            await broker.StartAgainAsync();
            var decided = await Eventually.HoldsAsync(async () => (await collector.GroupAsync("public-web")).GetProperty("epoch").GetInt64() > 0,
                TimeSpan.FromSeconds(45), "decision after the broker returned");
            var group = await collector.GroupAsync("public-web");
            var decision = group.GetProperty("lastDecision").GetProperty("decision");
            var evidence = group.GetProperty("lastDecision").GetProperty("evidence");
            Assert.Equal(1, decision.GetProperty("epoch").GetInt64());
            Assert.Equal("st-bruno", decision.GetProperty("active").GetString());
            var decidedAt = decision.GetProperty("decidedAt").GetDateTimeOffset();
            var conditionSince = evidence.GetProperty("conditionSince").GetDateTimeOffset();
            var witnessSince = evidence.GetProperty("witnessSince").GetDateTimeOffset();
            // Not on the stale state kept through the isolation: the hold and the witness both started after the return.
            Assert.True(conditionSince >= returnedAt, $"hold started {conditionSince:O}, before the broker returned at {returnedAt:O}");
            Assert.True(witnessSince >= returnedAt, $"witness counted from {witnessSince:O}, before the broker returned at {returnedAt:O}");
            Assert.True(decidedAt - returnedAt >= Hold, $"decided {(decidedAt - returnedAt).TotalSeconds:0.0} s after the return, hold {Hold.TotalSeconds} s");

            // Exactly one decision reaches the broker (retained), and no other follows.
            await Eventually.HoldsAsync(() => Task.FromResult(!recorder.Decisions.IsEmpty), TimeSpan.FromSeconds(70), "decision seen by a subscriber");
            await collector.SettleAsync(recorder);
            var seen = recorder.Decisions.Select(d => d.Decision).Distinct().ToList();
            Assert.Equal(1, Assert.Single(seen).Epoch);
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"broker back → witness {(witnessSince - returnedAt).TotalSeconds:0.0} s, hold start {(conditionSince - returnedAt).TotalSeconds:0.0} s, decision {(decidedAt - returnedAt).TotalSeconds:0.0} s (hold {Hold.TotalSeconds} s); polled after {decided.TotalSeconds:0.0} s"));
        }
        finally
        {
            primary.Kill();
            await primary.DisposeAsync();
            await secondary.DisposeAsync();
        }
    }

    private static int CountOnline(string sitesJson)
    {
        using var doc = JsonDocument.Parse(sitesJson);
        return doc.RootElement.EnumerateArray().SelectMany(s => s.GetProperty("nodes").EnumerateArray()).Count(n => n.GetProperty("online").GetBoolean());
    }
}
