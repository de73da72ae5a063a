using Chezlepro.Agent.Hosting.Systemd;
using Chezlepro.Agent.Scheduling;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting.Systemd;

public class SourceLivenessTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Wedged_SlowSourceWithinTwoIntervals_Alive()
    {
        var pbs = new SourceStatus("pbs", "pbs", TimeSpan.FromMinutes(5)) { LastLoopAt = Start };

        Assert.Empty(SourceLiveness.Wedged([pbs], Start.AddMinutes(9), TimeSpan.FromSeconds(30), Start));
        Assert.Equal(["pbs"], SourceLiveness.Wedged([pbs], Start.AddMinutes(10.1), TimeSpan.FromSeconds(30), Start));
    }

    [Fact]
    public void Wedged_FastSource_WatchdogIntervalIsTheFloor()
    {
        var victron = new SourceStatus("victron", "victron-gx", TimeSpan.FromSeconds(1)) { LastLoopAt = Start };

        Assert.Empty(SourceLiveness.Wedged([victron], Start.AddSeconds(30), TimeSpan.FromSeconds(30), Start));
        Assert.Equal(["victron"], SourceLiveness.Wedged([victron], Start.AddSeconds(31), TimeSpan.FromSeconds(30), Start));
    }

    [Fact]
    public void Wedged_LoopNeverTurned_MeasuredFromStart()
    {
        var never = new SourceStatus("eg4", "eg4-ll", TimeSpan.FromSeconds(10));
        var fine = new SourceStatus("host", "host", TimeSpan.FromSeconds(10)) { LastLoopAt = Start.AddSeconds(55) };

        Assert.Empty(SourceLiveness.Wedged([never, fine], Start.AddSeconds(20), TimeSpan.FromSeconds(10), Start));
        Assert.Equal(["eg4"], SourceLiveness.Wedged([never, fine], Start.AddSeconds(60), TimeSpan.FromSeconds(10), Start));
    }
}
