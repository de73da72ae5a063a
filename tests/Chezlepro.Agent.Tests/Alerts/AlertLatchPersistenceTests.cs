using Chezlepro.Agent.Alerts;
using Chezlepro.Agent.Hosting;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Tests.Outbox;
using Chezlepro.Contracts.Messages;
using Chezlepro.Devices.Power;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Agent.Tests.Alerts;

/// <summary>An alert raised before a stop is cleared after the restart when its condition ended meanwhile (issue #15).</summary>
public sealed class AlertLatchPersistenceTests : IAsyncLifetime
{
    private static readonly PowerSnapshot GridDown = new() { GridAvailable = false, BatterySoc = 80, BatteryCurrent = -5 };
    private static readonly PowerSnapshot GridUp = new() { GridAvailable = true, BatterySoc = 80, BatteryCurrent = 5 };
    private readonly OutboxFile _file = new();
    private readonly PowerAlertOptions _options = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task RaiseStopConditionClearsStart_OneClearedAppended_NoSecondRaise()
    {
        var before = await StartAsync();
        Assert.Equal([(PowerAlertRules.GridLost, AlertState.Raised)], await PollAsync(before, GridDown));
        Assert.Empty(await PollAsync(before, GridDown));
        await before.Outbox.DisposeAsync();

        _file.Time.Advance(TimeSpan.FromMinutes(30));   // down; the grid came back meanwhile
        var after = await StartAsync();
        Assert.Equal([PowerAlertRules.GridLost], after.State.Rules.Active);
        Assert.Empty(await PollAsync(after, GridUp));   // the clear hysteresis still holds
        _file.Time.Advance(_options.ClearHold);
        Assert.Equal([(PowerAlertRules.GridLost, AlertState.Cleared)], await PollAsync(after, GridUp));
        Assert.Empty(await PollAsync(after, GridUp));
        Assert.Empty(await after.Outbox.GetLatchedAlertsAsync(default));
    }

    [Fact]
    public async Task RaisedAndStillTrueAfterRestart_NotRaisedTwice()
    {
        var before = await StartAsync();
        await PollAsync(before, GridDown);
        await before.Outbox.DisposeAsync();

        var after = await StartAsync();
        Assert.Empty(await PollAsync(after, GridDown));
        Assert.Single(await after.Outbox.GetLatchedAlertsAsync(default));
    }

    private async Task<Agent> StartAsync()
    {
        var outbox = _file.Create();
        var state = new PowerSourceState("victron", _options, 100, 0, TimeSpan.FromMinutes(1), _file.Time, NullLogger.Instance);
        var definition = new SourceDefinition(0, "victron-gx", "victron", TimeSpan.FromSeconds(10), new ConfigurationBuilder().Build().GetSection("x"), new ConfigurationBuilder().Build());
        var configured = new ConfiguredSource(definition, new LatchingSource(state), new SourceStatus("victron", "victron-gx", TimeSpan.FromSeconds(10)));
        await new OutboxInitializer(outbox, [configured], new AgentState()).StartAsync(default);
        return new Agent(outbox, state);
    }

    // One poll as the runner does it: the reading's messages, with their latch changes, in one append.
    private async Task<List<(string, AlertState)>> PollAsync(Agent agent, PowerSnapshot snapshot)
    {
        var reading = agent.State.Success(snapshot);
        await agent.Outbox.AppendAsync(_file.Messages.Build("victron", reading, _file.Time.GetUtcNow()), default);
        return reading.Alerts.Select(a => (a.Id, a.State)).ToList();
    }

    private sealed record Agent(SqliteOutbox Outbox, PowerSourceState State);

    private sealed class LatchingSource(PowerSourceState state) : ISource, IAlertLatchHolder
    {
        public string Name => "victron";

        public ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(state.Success(GridUp));

        public void RestoreLatches(IEnumerable<string> alertIds) => state.Rules.Restore(alertIds);
    }
}
