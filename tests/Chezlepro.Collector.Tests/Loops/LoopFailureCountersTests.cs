using Chezlepro.Collector.Loops;
using Xunit;

namespace Chezlepro.Collector.Tests.Loops;

/// <summary>The last turn of every loop, as the systemd watchdog reads it.</summary>
public sealed class LoopFailureCountersTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Stuck_FastLoop_WatchdogIntervalIsTheFloor()
    {
        var loops = new LoopFailureCounters();
        loops.Turned("failover", TimeSpan.FromSeconds(5), Start);

        Assert.Empty(loops.Stuck(Start.AddSeconds(120), TimeSpan.FromSeconds(120)));
        Assert.Equal(["failover"], loops.Stuck(Start.AddSeconds(121), TimeSpan.FromSeconds(120)));
    }

    [Fact]
    public void Stuck_SlowLoop_TwoIntervalsBetweenTurnsAreNormal()
    {
        var loops = new LoopFailureCounters();
        loops.Turned("prune", TimeSpan.FromHours(1), Start);
        loops.Turned("noc-nodes", TimeSpan.FromSeconds(5), Start.AddMinutes(119));

        Assert.Empty(loops.Stuck(Start.AddMinutes(120), TimeSpan.FromSeconds(120)));
        Assert.Equal(["prune"], loops.Stuck(Start.AddMinutes(120.1), TimeSpan.FromSeconds(120)));
        Assert.Equal(2, loops.Turning);
    }

    [Fact]
    public void Stuck_ATurnAfterwards_NotStuckAnyMore()
    {
        var loops = new LoopFailureCounters();
        loops.Turned("noc-service-levels", TimeSpan.FromSeconds(30), Start);
        Assert.Equal(["noc-service-levels"], loops.Stuck(Start.AddMinutes(3), TimeSpan.FromSeconds(120)));

        loops.Turned("noc-service-levels", TimeSpan.FromSeconds(30), Start.AddMinutes(3));

        Assert.Empty(loops.Stuck(Start.AddMinutes(3), TimeSpan.FromSeconds(120)));
    }
}
