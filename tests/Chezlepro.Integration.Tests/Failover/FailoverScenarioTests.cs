using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Mosquitto;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>
/// Real Mosquitto, real agent processes, the real collector with failover: a primary killed with SIGKILL
/// leads to exactly one decision to the secondary, within hold + 1.5 × keepalive + 5 s.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailoverScenarioTests
{
    private const int KeepAlive = 5;
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(5);
    private readonly ITestOutputHelper _output;

    public FailoverScenarioTests(ITestOutputHelper output) => _output = output;

    private static string[] GroupArgs(string failback = "manual") => FailoverArgs.PublicWeb(failback: failback);

    [Fact]
    public async Task PrimaryKilled_RepeatedRuns_OneDecisionPerRunWithinDeadline()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var recorder = await DecisionRecorder.StartAsync(broker.Port);
        await using var collector = await FailoverCollectorHost.StartAsync(broker.Port, GroupArgs());
        var secondary = new AgentProcess("st-bruno", "pve1", broker.Port, KeepAlive);
        var primaries = new List<AgentProcess>();
        var deadline = Hold + TimeSpan.FromSeconds(1.5 * KeepAlive) + TimeSpan.FromSeconds(5);
        var latencies = new List<(double KillToOffline, double KillToDecision)>();
        try
        {
            secondary.Start();
            string? primaryData = null;
            long expectedEpoch = 0;
            for (var run = 0; run < 3; run++)
            {
                var primary = new AgentProcess("lanaudiere", "pve1", broker.Port, KeepAlive, dataDirectory: primaryData);
                primaryData = primary.DataDirectory;
                primaries.Add(primary);
                primary.Start();
                await Eventually.HoldsAsync(async () =>
                {
                    var g = await collector.GroupAsync("public-web");
                    var sites = await collector.Http.GetStringAsync("/api/v1/sites");
                    return g.GetProperty("state").GetString() == "primary-active" && CountOnline(sites) == 2;
                }, TimeSpan.FromSeconds(40), $"run {run}: both agents online, group on its primary");
                var before = recorder.Decisions.Count;

                var killedAt = recorder.Clock.Elapsed;
                primary.Kill();
                var offlineAfter = await Eventually.HoldsAsync(async () =>
                    !CountOnlineOf(await collector.Http.GetStringAsync("/api/v1/sites"), "lanaudiere"), deadline, $"run {run}: primary seen offline");
                await Eventually.HoldsAsync(() => Task.FromResult(recorder.Decisions.Count > before), deadline, $"run {run}: decision published");
                // A further round, and everything the collector published up to it seen: no second decision.
                await collector.SettleAsync(recorder);

                var decisions = recorder.Decisions.Skip(before).ToList();
                var (at, d, _) = Assert.Single(decisions);
                Assert.Equal(++expectedEpoch, d.Epoch);
                Assert.Equal("st-bruno", d.Active);
                Assert.Equal("lanaudiere", d.Previous);
                Assert.Equal("automatic", d.Mode);
                Assert.Equal("primary-unreachable", d.Reason);
                var latency = at - killedAt;
                Assert.True(latency <= deadline, $"decision {latency.TotalSeconds:0.0} s after the kill, deadline {deadline.TotalSeconds} s");
                latencies.Add((offlineAfter.TotalSeconds, latency.TotalSeconds));

                var group = await collector.GroupAsync("public-web");
                Assert.Equal("st-bruno", group.GetProperty("active").GetString());
                Assert.Equal(expectedEpoch, group.GetProperty("lastDecision").GetProperty("decision").GetProperty("epoch").GetInt64());
                Assert.False(group.GetProperty("lastDecision").GetProperty("evidence").GetProperty("primaryReachable").GetBoolean());

                // Manual failback: the group stays on the secondary until the operator returns it.
                using var response = await collector.OperatorPostAsync("/api/v1/failover/public-web/failback");
                Assert.True(response.IsSuccessStatusCode, $"failback answered {(int)response.StatusCode}");
                Assert.Equal(++expectedEpoch, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("decision").GetProperty("epoch").GetInt64());
                await Eventually.HoldsAsync(() => Task.FromResult(recorder.Decisions.Any(x => x.Decision.Epoch == expectedEpoch)), TimeSpan.FromSeconds(5), "failback published");
            }
            var alerts = recorder.Alerts.Select(a => a.Alert).ToList();
            Assert.Contains(alerts, a => a.Id == "failover:public-web" && a.State == Contracts.Messages.AlertState.Raised);
            Assert.Contains(alerts, a => a.Id == "node-offline:lanaudiere/pve1");
        }
        finally
        {
            foreach (var p in primaries) p.Kill();
            await secondary.DisposeAsync();
            foreach (var p in primaries.Take(primaries.Count - 1)) p.Kill();
            if (primaries.Count > 0) await primaries[^1].DisposeAsync();
        }
        var sorted = latencies.Select(l => l.KillToDecision).Order().ToList();
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill→decision s: {string.Join(", ", latencies.Select(l => l.KillToDecision.ToString("0.00", CultureInfo.InvariantCulture)))}; " +
            $"min {sorted[0]:0.00} median {sorted[sorted.Count / 2]:0.00} max {sorted[^1]:0.00}; " +
            $"kill→offline seen s: {string.Join(", ", latencies.Select(l => l.KillToOffline.ToString("0.00", CultureInfo.InvariantCulture)))}; deadline {deadline.TotalSeconds} s"));
    }

    private static int CountOnline(string sitesJson)
    {
        using var doc = JsonDocument.Parse(sitesJson);
        return doc.RootElement.EnumerateArray().SelectMany(s => s.GetProperty("nodes").EnumerateArray()).Count(n => n.GetProperty("online").GetBoolean());
    }

    private static bool CountOnlineOf(string sitesJson, string site)
    {
        using var doc = JsonDocument.Parse(sitesJson);
        return doc.RootElement.EnumerateArray().Where(s => s.GetProperty("site").GetString() == site)
            .SelectMany(s => s.GetProperty("nodes").EnumerateArray()).Any(n => n.GetProperty("online").GetBoolean());
    }
}
