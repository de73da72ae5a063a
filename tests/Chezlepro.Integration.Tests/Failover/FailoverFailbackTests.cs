using System.Globalization;
using System.Text.Json;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Mosquitto;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>
/// Two groups on the same pair of sites, one with <c>Failback: automatic</c>, one manual (the default). Both fail over
/// when the primary is killed; once it is back and healthy, the automatic group returns only after its failback hold,
/// the manual one stays on the secondary (even well past that hold, and whatever a reader key asks) until an
/// operator calls <c>POST /api/v1/failover/{group}/failback</c>.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailoverFailbackTests
{
    private static readonly TimeSpan FailbackHold = TimeSpan.FromSeconds(8);
    private readonly ITestOutputHelper _output;

    public FailoverFailbackTests(ITestOutputHelper output) => _output = output;

    private static IEnumerable<string> Group(int i, string id, string failback) =>
    [
        $"--Catalog:FailoverGroups:{i}:Id={id}", $"--Catalog:FailoverGroups:{i}:Primary=lanaudiere", $"--Catalog:FailoverGroups:{i}:Secondary=st-bruno",
        $"--Catalog:FailoverGroups:{i}:Mode=automatic", $"--Catalog:FailoverGroups:{i}:Hold=00:00:05",
        $"--Catalog:FailoverGroups:{i}:Failback={failback}", $"--Catalog:FailoverGroups:{i}:FailbackHold=00:00:08",
    ];

    private static string[] Args() =>
    [
        .. Group(0, "web-auto", "automatic"), .. Group(1, "web-manual", "manual"),
        "--Failover:Interval=00:00:00.500", "--Failover:StaleAfter=00:00:30", "--Failover:MaxObservationGap=00:00:05",
    ];

    [Fact]
    public async Task PrimaryBack_AutomaticAfterFailbackHold_ManualOnlyOnOperatorCall()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var recorder = await DecisionRecorder.StartAsync(broker.Port);
        await using var collector = await FailoverCollectorHost.StartAsync(broker.Port, Args());
        await using var primary = new AgentProcess("lanaudiere", "pve1", broker.Port, keepAliveSeconds: 5);
        await using var secondary = new AgentProcess("st-bruno", "pve1", broker.Port, keepAliveSeconds: 5);
        primary.Start();
        secondary.Start();
        await Eventually.HoldsAsync(async () => await SitesJson.OnlineCountAsync(collector) == 2, TimeSpan.FromSeconds(40), "both agents online");

        primary.Kill();
        await Eventually.HoldsAsync(async () => await Epoch(collector, "web-auto") == 1 && await Epoch(collector, "web-manual") == 1,
            TimeSpan.FromSeconds(30), "both groups failed over");
        foreach (var id in new[] { "web-auto", "web-manual" })
            Assert.Equal("st-bruno", (await collector.GroupAsync(id)).GetProperty("active").GetString());

        primary.Start();
        await Eventually.HoldsAsync(() => SitesJson.IsOnlineAsync(collector, "lanaudiere"), TimeSpan.FromSeconds(20), "primary seen online again");
        var backAt = TimeProvider.System.GetUtcNow();

        // Automatic: back to the primary, but not before the failback hold.
        var returned = await Eventually.HoldsAsync(async () => await Epoch(collector, "web-auto") == 2, FailbackHold + TimeSpan.FromSeconds(15), "automatic failback");
        var auto = await collector.GroupAsync("web-auto");
        var autoDecision = auto.GetProperty("lastDecision").GetProperty("decision");
        Assert.Equal("lanaudiere", autoDecision.GetProperty("active").GetString());
        Assert.Equal("failback", autoDecision.GetProperty("reason").GetString());
        var decidedAt = autoDecision.GetProperty("decidedAt").GetDateTimeOffset();
        var since = auto.GetProperty("lastDecision").GetProperty("evidence").GetProperty("conditionSince").GetDateTimeOffset();
        Assert.True(decidedAt - since >= FailbackHold, $"failback decided {(decidedAt - since).TotalSeconds:0.0} s after the primary was healthy, hold {FailbackHold.TotalSeconds} s");
        // The collector saw the primary healthy no earlier than we did, give or take a round (0.5 s).
        Assert.True(decidedAt - backAt >= FailbackHold - TimeSpan.FromSeconds(1), $"failback {(decidedAt - backAt).TotalSeconds:0.0} s after the primary was seen back");

        // Manual: still on the secondary, well past the failback hold (the scenario's time, then a round at that moment);
        // a reader key cannot move it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await collector.SettleAsync(recorder);
        var manual = await collector.GroupAsync("web-manual");
        Assert.Equal(1, manual.GetProperty("epoch").GetInt64());
        Assert.Equal("st-bruno", manual.GetProperty("active").GetString());
        using (var asReader = await collector.Http.PostAsync("/api/v1/failover/web-manual/failback", null))
            Assert.Equal(403, (int)asReader.StatusCode);
        Assert.Equal(1, await Epoch(collector, "web-manual"));

        using var response = await collector.OperatorPostAsync("/api/v1/failover/web-manual/failback");
        Assert.True(response.IsSuccessStatusCode, $"failback answered {(int)response.StatusCode}");
        var operatorDecision = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("decision");
        Assert.Equal(2, operatorDecision.GetProperty("epoch").GetInt64());
        Assert.Equal("lanaudiere", operatorDecision.GetProperty("active").GetString());
        await Eventually.HoldsAsync(() => Task.FromResult(recorder.Decisions.Any(d => d.Decision.Group == "web-manual" && d.Decision.Epoch == 2)),
            TimeSpan.FromSeconds(5), "operator failback published");
        await collector.SettleAsync(recorder);

        // Two decisions per group on the topic (epochs 1 and 2), never a third.
        foreach (var id in new[] { "web-auto", "web-manual" })
        {
            var epochs = recorder.Decisions.Where(d => d.Decision.Group == id).Select(d => d.Decision.Epoch).Distinct().Order().ToList();
            Assert.Equal([1L, 2L], epochs);
            Assert.Equal("lanaudiere", (await collector.GroupAsync(id)).GetProperty("active").GetString());
        }
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"primary seen back → automatic failback {(decidedAt - backAt).TotalSeconds:0.0} s (hold {FailbackHold.TotalSeconds} s, polled after {returned.TotalSeconds:0.0} s); manual group stayed on st-bruno until the operator call"));
    }

    private static async Task<long> Epoch(FailoverCollectorHost collector, string group) =>
        (await collector.GroupAsync(group)).GetProperty("epoch").GetInt64();
}
