using Chezlepro.Fleet;
using Chezlepro.Fleet.Report;
using Xunit;

namespace Chezlepro.Integration.Tests.Fleet;

/// <summary>
/// The fleet generator's output is the agent's contract: five simulated nodes (one with an outage and a backlog) against
/// the real collector and Mosquitto, every message stored once and every seq covered by the collector's watermark.
/// </summary>
public sealed class FleetSmokeTests
{
    [Fact]
    public async Task FiveNodesAreStoredAndFullyAcknowledged()
    {
        var progress = new StringWriter();
        var options = new FleetOptions
        {
            Nodes = 5, NodesPerSite = 3, Minutes = 0.15, Speed = 10, Outages = 1, OutageMinutes = 0.5,
            ApiPollInterval = TimeSpan.FromSeconds(1), DrainTimeout = TimeSpan.FromSeconds(20),
        };

        var result = await new FleetRun(options, progress).RunAsync();

        var context = progress + Environment.NewLine + FleetTable.Render(result);
        Assert.True(result.AllAccounted, context);
        // 9 s at 10x: power every second and the 20 checks every 3 s, per node.
        Assert.True(result.Captured >= 5 * 60, context);
        Assert.Equal(result.Captured, result.StoredRows);
        Assert.True(result.Backlog > 0, context);
        Assert.True(result.Reconnects >= 1, context);
        Assert.True(result.SitesPolls > 0 && result.SlaPolls > 0 && result.ApiFailures == 0, context);
    }
}
