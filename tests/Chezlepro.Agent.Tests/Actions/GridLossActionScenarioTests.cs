using Chezlepro.Agent.Actions;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Sources.Power.Victron;
using Chezlepro.Contracts.Messages;
using Chezlepro.Simulators.Victron;
using Chezlepro.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Agent.Tests.Actions;

/// <summary>The simulated GX loses the grid and discharges; the victron-gx source feeds the action on a fake clock.</summary>
[Trait("Category", "Integration")]
public class GridLossActionScenarioTests
{
    [Fact]
    public async Task GxLosesTheGrid_RuntimeFallsBelowTheThreshold_ActionRunsOnceThenClearsWhenTheGridReturns()
    {
        var time = new FakeTimeProvider();
        await using var sim = await VictronGxSimulator.StartAsync(0, time);
        sim.SetSoc(60);
        sim.LoadWatts = 3000;
        var runner = new FakeCommandRunner();
        var action = new LocalActionOptions
        {
            Name = "shutdown-guests", Command = "/usr/local/sbin/shutdown-guests", Arguments = ["--all"],
            RuntimeBelow = TimeSpan.FromMinutes(20), Hold = TimeSpan.FromMinutes(2), DryRun = false,
        };
        var actions = new LocalActions(Microsoft.Extensions.Options.Options.Create(new LocalActionsOptions { Actions = [action] }), runner,
            new AgentState { StartedAt = time.GetUtcNow() }, NullLogger<LocalActions>.Instance);
        var source = Source(sim.Port, time, actions);
        var runtimes = new List<double>();
        var alerts = new List<Alert>();

        async Task PollAsync()
        {
            time.Advance(TimeSpan.FromMinutes(1));
            var reading = await source.ReadAsync(default);
            alerts.AddRange(reading.Alerts.Where(a => a.Id.StartsWith(LocalActions.AlertPrefix, StringComparison.Ordinal)));
            if (reading.Samples.FirstOrDefault(s => s.Metric == "battery.runtime") is { } r) runtimes.Add(r.Value);
        }

        await PollAsync();
        sim.LoseGrid();
        for (var i = 0; i < 120 && alerts.Count == 0; i++) await PollAsync();
        await actions.Running("shutdown-guests")!;

        var raised = Assert.Single(alerts);
        Assert.Equal(("action-shutdown-guests", AlertState.Raised, "victron"), (raised.Id, raised.State, raised.Source));
        Assert.Equal(["--all"], Assert.Single(runner.Calls).Arguments);
        // Runtime falls poll after poll: it ran at the third reading under 20 min (crossing, +1 min, +2 min = the hold).
        Assert.True(runtimes[0] > 3600, $"first runtime {runtimes[0]} s");
        Assert.Equal(3, runtimes.Count(r => r < 1200));

        for (var i = 0; i < 10; i++) await PollAsync();
        Assert.Single(runner.Calls);
        sim.RestoreGrid();
        await PollAsync();
        Assert.Equal([AlertState.Raised, AlertState.Cleared], alerts.Select(a => a.State));
    }

    private static ISource Source(int port, TimeProvider time, LocalActions actions)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:0:Type"] = "victron-gx", ["Sources:0:Host"] = "127.0.0.1", ["Sources:0:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sources:0:Retries"] = "0", ["Sources:0:ReserveSoc"] = "10", ["Sources:0:RuntimeSmoothing"] = "00:01:00",
        }).Build();
        var definition = new SourceDefinition(0, "victron-gx", "victron", TimeSpan.FromMinutes(1), configuration.GetSection("Sources:0"), configuration);
        var factory = new VictronGxSourceFactory();
        Assert.Empty(factory.Validate(definition));
        var services = new ServiceCollection().AddLogging().AddSingleton(time).AddSingleton(actions).BuildServiceProvider();
        return factory.Create(definition, services);
    }
}
