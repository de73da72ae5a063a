using Chezlepro.Agent.Actions;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Agent.Tests.Actions;

/// <summary>When a local battery action runs, on the fake clock with a fake command.</summary>
public class LocalActionsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 3, 0, 0, TimeSpan.Zero));
    private readonly AgentState _state = new() { StartedAt = DateTimeOffset.UnixEpoch, BrokerConnected = false };

    private static LocalActionOptions Shutdown(Action<LocalActionOptions>? change = null)
    {
        var o = new LocalActionOptions
        {
            Name = "shutdown-guests", Command = "/usr/local/sbin/shutdown-guests", Arguments = ["--order", "db,web", "--reason=battery low"],
            RuntimeBelow = TimeSpan.FromMinutes(15), Hold = TimeSpan.FromMinutes(2), Timeout = TimeSpan.FromMinutes(5), DryRun = false,
        };
        change?.Invoke(o);
        return o;
    }

    private LocalActions Create(FakeCommandRunner runner, params LocalActionOptions[] actions) =>
        new(Microsoft.Extensions.Options.Options.Create(new LocalActionsOptions { Actions = actions }), runner, _state, NullLogger<LocalActions>.Instance);

    // One reading every 30 s, as a victron-gx source polls.
    private List<Alert> Feed(LocalActions actions, int readings, bool? grid, double? runtimeMinutes, string source = "victron")
    {
        var alerts = new List<Alert>();
        for (var i = 0; i < readings; i++)
        {
            alerts.AddRange(actions.Observe(source, grid, runtimeMinutes * 60, _clock.GetUtcNow()));
            _clock.Advance(TimeSpan.FromSeconds(30));
        }
        return alerts;
    }

    [Fact]
    public async Task GridLostRuntimeLow_HeldForTheHold_RunsOnceWithItsArgumentsAndRaisesAnAlert()
    {
        var runner = new FakeCommandRunner();
        var actions = Create(runner, Shutdown());

        // 0, 30, 60, 90 s: the hold (2 min) has not ended.
        Assert.Empty(Feed(actions, 4, grid: false, runtimeMinutes: 12));
        Assert.Empty(runner.Calls);
        var alerts = Feed(actions, 20, grid: false, runtimeMinutes: 10);
        await actions.Running("shutdown-guests")!;

        var call = Assert.Single(runner.Calls);
        Assert.Equal("/usr/local/sbin/shutdown-guests", call.Command);
        Assert.Equal(["--order", "db,web", "--reason=battery low"], call.Arguments);
        Assert.Equal(TimeSpan.FromMinutes(5), call.Timeout);
        var alert = Assert.Single(alerts);
        Assert.Equal(("action-shutdown-guests", AlertState.Raised, Priority.P1, "victron"), (alert.Id, alert.State, alert.Priority, alert.Source));
        Assert.Contains("started", alert.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void GridBackBeforeTheHoldEnds_NothingRuns_NextOutageHoldsAgainFromZero()
    {
        var runner = new FakeCommandRunner();
        var actions = Create(runner, Shutdown());

        Feed(actions, 3, grid: false, runtimeMinutes: 10);
        Assert.Empty(Feed(actions, 1, grid: true, runtimeMinutes: null));
        Feed(actions, 4, grid: false, runtimeMinutes: 10);

        Assert.Empty(runner.Calls);
        Assert.Single(Feed(actions, 1, grid: false, runtimeMinutes: 10));
        Assert.Single(runner.Calls);
    }

    [Fact]
    public void RuntimeRisesDuringTheHold_HoldRestarts()
    {
        var runner = new FakeCommandRunner();
        var actions = Create(runner, Shutdown());

        Feed(actions, 4, grid: false, runtimeMinutes: 10);
        Feed(actions, 1, grid: false, runtimeMinutes: 40);
        Feed(actions, 4, grid: false, runtimeMinutes: 10);

        Assert.Empty(runner.Calls);
    }

    [Fact]
    public async Task AfterItRan_OncePerOutage_ClearedWhenTheGridReturns_RunsAgainInTheNextOutage()
    {
        var runner = new FakeCommandRunner();
        var actions = Create(runner, Shutdown());

        Feed(actions, 60, grid: false, runtimeMinutes: 8);
        await actions.Running("shutdown-guests")!;
        Assert.Single(runner.Calls);
        var back = Assert.Single(Feed(actions, 1, grid: true, runtimeMinutes: null));
        Assert.Equal(("action-shutdown-guests", AlertState.Cleared), (back.Id, back.State));
        Feed(actions, 5, grid: false, runtimeMinutes: 8);

        Assert.Equal(2, runner.Calls.Count);
    }

    [Fact]
    public void DryRunByDefault_CommandNeverStarted_AlertSaysSo()
    {
        var runner = new FakeCommandRunner();
        var dryRun = new LocalActionOptions { Name = "halt", Command = "/sbin/poweroff", RuntimeBelow = TimeSpan.FromMinutes(15), Hold = TimeSpan.Zero };
        var actions = Create(runner, dryRun);

        var alert = Assert.Single(Feed(actions, 3, grid: false, runtimeMinutes: 5));

        Assert.True(dryRun.DryRun);
        Assert.Empty(runner.Calls);
        Assert.Contains("dry run, not executed", alert.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyWhenBrokerUnreachable_BrokerUp_WaitsThenHoldsFromTheDisconnect()
    {
        var runner = new FakeCommandRunner();
        var actions = Create(runner, Shutdown(o => o.OnlyWhenBrokerUnreachable = true));
        _state.BrokerConnected = true;

        Feed(actions, 10, grid: false, runtimeMinutes: 10);
        Assert.Empty(runner.Calls);
        _state.BrokerConnected = false;
        Feed(actions, 4, grid: false, runtimeMinutes: 10);
        Assert.Empty(runner.Calls);
        Feed(actions, 1, grid: false, runtimeMinutes: 10);

        Assert.Single(runner.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(20.0)]
    public void RuntimeUnknownOrAbove_NeverRuns(double? runtimeMinutes)
    {
        var runner = new FakeCommandRunner();
        var actions = Create(runner, Shutdown());

        Feed(actions, 30, grid: false, runtimeMinutes);
        Feed(actions, 30, grid: null, runtimeMinutes: 5);

        Assert.Empty(runner.Calls);
    }

    [Fact]
    public void NoRuntimeThreshold_GridLossAloneHeld_Runs()
    {
        var runner = new FakeCommandRunner();
        var actions = Create(runner, Shutdown(o => o.RuntimeBelow = null));

        Feed(actions, 5, grid: false, runtimeMinutes: null);

        Assert.Single(runner.Calls);
    }

    [Fact]
    public async Task CommandFails_FailureAlertWithTheNextReading_BothClearedWhenTheGridReturns()
    {
        var runner = new FakeCommandRunner(new CommandResult(null, TimedOut: true, null));
        var actions = Create(runner, Shutdown());

        Feed(actions, 5, grid: false, runtimeMinutes: 10);
        await actions.Running("shutdown-guests")!;
        var failed = Assert.Single(Feed(actions, 1, grid: false, runtimeMinutes: 9));
        var cleared = Feed(actions, 1, grid: true, runtimeMinutes: null);

        Assert.Equal(("action-shutdown-guests-failed", AlertState.Raised, Priority.P1), (failed.Id, failed.State, failed.Priority));
        Assert.Contains("timed out", failed.SummaryEn, StringComparison.Ordinal);
        Assert.Equal(["action-shutdown-guests", "action-shutdown-guests-failed"], cleared.Select(a => a.Id));
        Assert.All(cleared, a => Assert.Equal(AlertState.Cleared, a.State));
    }

    [Fact]
    public void SourceNamed_OtherSourcesReadingsIgnored()
    {
        var runner = new FakeCommandRunner();
        var actions = Create(runner, Shutdown(o => o.Source = "eg4"));

        Feed(actions, 10, grid: false, runtimeMinutes: 5, source: "victron");
        Assert.Empty(runner.Calls);
        Feed(actions, 5, grid: false, runtimeMinutes: 5, source: "eg4");

        Assert.Single(runner.Calls);
    }
}
