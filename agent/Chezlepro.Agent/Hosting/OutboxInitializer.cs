using Chezlepro.Agent.Alerts;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Microsoft.Extensions.Hosting;

namespace Chezlepro.Agent.Hosting;

/// <summary>Opens the outbox (and creates the sources) before the runner and the forwarder start.</summary>
public sealed class OutboxInitializer : IHostedService
{
    private readonly IOutbox _outbox;
    private readonly IReadOnlyList<ConfiguredSource> _sources;
    private readonly AgentState _state;

    /// <summary>Creates the initializer.</summary>
    public OutboxInitializer(IOutbox outbox, IReadOnlyList<ConfiguredSource> sources, AgentState state)
    {
        _outbox = outbox;
        _sources = sources;
        _state = state;
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _outbox.InitializeAsync(cancellationToken);
        _state.Sources.AddRange(_sources.Select(s => s.Status));
        // Before the first poll: an alert raised before the stop must be cleared (not raised again) if its
        // condition ended while the agent was down, or the collector would show it raised for ever.
        var latched = await _outbox.GetLatchedAlertsAsync(cancellationToken);
        foreach (var s in _sources)
        {
            if (s.Source is IAlertLatchHolder holder)
                holder.RestoreLatches(latched.Where(l => l.Source == s.Definition.Name).Select(l => l.Id));
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
