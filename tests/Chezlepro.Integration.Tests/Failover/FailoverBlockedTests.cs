using System.Globalization;
using Chezlepro.Contracts.Messages;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Mosquitto;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>
/// Primary and secondary both down (SIGKILL) while a third site keeps the witness up: no decision (there is nowhere
/// to go), a P1 <c>failover-blocked:&lt;group&gt;</c> on the NOC stream instead, raised once. When the secondary
/// returns, the decision follows and the alert clears.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailoverBlockedTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(5);
    private readonly ITestOutputHelper _output;

    public FailoverBlockedTests(ITestOutputHelper output) => _output = output;

    private static string[] GroupArgs() => FailoverArgs.PublicWeb();

    [Fact]
    public async Task PrimaryAndSecondaryKilled_WitnessUp_NoDecisionAndOneP1Alert()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var recorder = await DecisionRecorder.StartAsync(broker.Port);
        await using var collector = await FailoverCollectorHost.StartAsync(broker.Port, GroupArgs());
        await using var primary = new AgentProcess("lanaudiere", "pve1", broker.Port, keepAliveSeconds: 5);
        await using var secondary = new AgentProcess("st-bruno", "pve1", broker.Port, keepAliveSeconds: 5);
        // A third site: the collector still hears someone other than the primary, so the witness holds throughout.
        await using var third = new AgentProcess("quebec", "pve1", broker.Port, keepAliveSeconds: 5);
        primary.Start();
        secondary.Start();
        third.Start();
        await Eventually.HoldsAsync(async () => await SitesJson.OnlineCountAsync(collector) == 3
            && (await collector.GroupAsync("public-web")).GetProperty("state").GetString() == "primary-active", TimeSpan.FromSeconds(40), "three agents online, group on its primary");

        // The secondary goes first (so the primary's hold can never elapse with the secondary still counted healthy), then the primary.
        secondary.Kill();
        await Eventually.HoldsAsync(async () => !await SitesJson.IsOnlineAsync(collector, "st-bruno"), TimeSpan.FromSeconds(20), "secondary seen offline");
        var killedAt = recorder.Clock.Elapsed;
        primary.Kill();
        await Eventually.HoldsAsync(() => Task.FromResult(recorder.Alerts.Any(a => a.Alert.Id == "failover-blocked:public-web")), TimeSpan.FromSeconds(30), "failover-blocked alert");
        var (raisedAt, alert) = recorder.Alerts.First(a => a.Alert.Id == "failover-blocked:public-web");
        Assert.Equal(AlertState.Raised, alert.State);
        Assert.Equal(Priority.P1, alert.Priority);
        Assert.Equal("lanaudiere", alert.Site);
        Assert.False(string.IsNullOrWhiteSpace(alert.Summary));
        Assert.False(string.IsNullOrWhiteSpace(alert.SummaryEn));

        // Several more holds with both sites down (the scenario's time), then a round at that moment with everything it
        // published seen: still no decision, and the alert is not repeated while unchanged.
        await Task.Delay(Hold * 2);
        await collector.SettleAsync(recorder);
        Assert.Empty(recorder.Decisions);
        var group = await collector.GroupAsync("public-web");
        Assert.Equal(0, group.GetProperty("epoch").GetInt64());
        Assert.Equal("lanaudiere", group.GetProperty("active").GetString());
        Assert.Single(recorder.Alerts, a => a.Alert.Id == "failover-blocked:public-web");

        // The secondary comes back: the primary has been down for longer than the hold, so the decision follows, and the alert clears.
        secondary.Start();
        await Eventually.HoldsAsync(() => Task.FromResult(!recorder.Decisions.IsEmpty), TimeSpan.FromSeconds(30), "decision once the secondary is back");
        await Eventually.HoldsAsync(() => Task.FromResult(recorder.Alerts.Any(a => a.Alert.Id == "failover-blocked:public-web" && a.Alert.State == AlertState.Cleared)),
            TimeSpan.FromSeconds(10), "failover-blocked cleared");
        await collector.SettleAsync(recorder);
        var decision = Assert.Single(recorder.Decisions.Select(d => d.Decision).Distinct()); // the retained copy may be seen twice, never a second decision
        Assert.Equal(1, decision.Epoch);
        Assert.Equal("st-bruno", decision.Active);
        Assert.Equal("primary-unreachable", decision.Reason);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"primary kill → failover-blocked raised {(raisedAt - killedAt).TotalSeconds:0.0} s (hold {Hold.TotalSeconds} s, keepalive 5 s); no decision while both were down; decision after the secondary returned"));
    }
}
