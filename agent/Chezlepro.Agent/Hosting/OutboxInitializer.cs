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
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
