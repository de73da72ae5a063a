using System.Globalization;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing.Mosquitto;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>
/// A flapping primary (killed with SIGKILL, seen offline, restarted, seen online, again and again, each outage
/// shorter than the hold) never leads to a decision: every calm observation restarts the hold
/// (service-levels.md, Failover; mqtt-sla.md §5.5). The scaled-down form of "offline/online every 20 s with a 60 s hold".
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailoverFlappingTests
{
    private const int Flaps = 3;
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(10);

    // SIGKILL closes the socket at once, so the broker publishes the will within a second: the outage the collector sees is
    // this pause plus the agent's start-up, well under the hold even on a loaded 2-core machine.
    private static readonly TimeSpan DownFor = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan UpFor = TimeSpan.FromSeconds(3);
    private readonly ITestOutputHelper _output;

    public FailoverFlappingTests(ITestOutputHelper output) => _output = output;

    private static string[] GroupArgs() => FailoverArgs.PublicWeb(hold: "00:00:10");

    [Fact]
    public async Task PrimaryFlapping_OutagesShorterThanHold_NoDecision()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var recorder = await DecisionRecorder.StartAsync(broker.Port);
        await using var collector = await FailoverCollectorHost.StartAsync(broker.Port, GroupArgs());
        await using var primary = new AgentProcess("lanaudiere", "pve1", broker.Port, keepAliveSeconds: 5);
        await using var secondary = new AgentProcess("st-bruno", "pve1", broker.Port, keepAliveSeconds: 5);
        primary.Start();
        secondary.Start();
        await Eventually.HoldsAsync(async () => await SitesJson.OnlineCountAsync(collector) == 2
            && (await collector.GroupAsync("public-web")).GetProperty("state").GetString() == "primary-active", TimeSpan.FromSeconds(40), "both agents online, group on its primary");

        // Watch the group throughout: the epoch must never move, and the hold must really start (or the test proves nothing).
        using var stop = new CancellationTokenSource();
        var suspectEpisodes = 0;
        long maxEpoch = 0;
        var watcher = Task.Run(async () =>
        {
            var wasSuspect = false;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var g = await collector.GroupAsync("public-web");
                    maxEpoch = Math.Max(maxEpoch, g.GetProperty("epoch").GetInt64());
                    var suspect = g.GetProperty("state").GetString() == "suspect";
                    if (suspect && !wasSuspect) suspectEpisodes++;
                    wasSuspect = suspect;
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(200);
            }
        });

        var outages = new List<double>();
        for (var i = 0; i < Flaps; i++)
        {
            primary.Kill();
            await Eventually.HoldsAsync(async () => !await SitesJson.IsOnlineAsync(collector, "lanaudiere"), TimeSpan.FromSeconds(20), $"flap {i}: primary seen offline");
            var down = System.Diagnostics.Stopwatch.StartNew();
            await Task.Delay(DownFor);
            primary.Start();
            await Eventually.HoldsAsync(() => SitesJson.IsOnlineAsync(collector, "lanaudiere"), TimeSpan.FromSeconds(20), $"flap {i}: primary seen online again");
            var outage = down.Elapsed;
            outages.Add(outage.TotalSeconds);
            // The premise of the scenario: each outage as the collector sees it is shorter than the hold.
            Assert.True(outage < Hold, $"flap {i}: outage seen for {outage.TotalSeconds:0.0} s, not shorter than the hold {Hold.TotalSeconds} s");
            await Task.Delay(UpFor);
        }
        // A late decision would come within a hold of the last outage: let a hold pass, then a round at that moment with
        // everything it published seen.
        await Task.Delay(Hold);
        await collector.SettleAsync(recorder);
        await stop.CancelAsync();
        await watcher;

        Assert.Equal(0, maxEpoch);
        Assert.Empty(recorder.Decisions);
        var group = await collector.GroupAsync("public-web");
        Assert.Equal(0, group.GetProperty("epoch").GetInt64());
        Assert.Equal("lanaudiere", group.GetProperty("active").GetString());
        Assert.Equal("primary-active", group.GetProperty("state").GetString());
        Assert.True(suspectEpisodes >= 1, "the hold never started: the flaps were not seen as a trigger");
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Flaps} flaps, outages seen (offline→online) s: {string.Join(", ", outages.Select(o => o.ToString("0.0", CultureInfo.InvariantCulture)))}; suspect episodes {suspectEpisodes}; hold {Hold.TotalSeconds} s"));
    }
}
