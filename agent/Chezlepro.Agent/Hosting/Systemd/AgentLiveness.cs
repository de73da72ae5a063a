using Chezlepro.Agent.Scheduling;
using Chezlepro.Hosting.Systemd;

namespace Chezlepro.Agent.Hosting.Systemd;

/// <summary>The agent's answer to the systemd watchdog: every source loop turns (<see cref="SourceLiveness"/>).</summary>
public sealed class AgentLiveness : IServiceLiveness
{
    private readonly AgentState _state;

    /// <summary>Creates the probe.</summary>
    /// <param name="state">Source loops and counters.</param>
    public AgentLiveness(AgentState state) => _state = state;

    /// <inheritdoc />
    public IReadOnlyList<string> Wedged(DateTimeOffset now, TimeSpan watchdogInterval)
    {
        List<SourceStatus> sources;
        lock (_state.Sources) sources = [.. _state.Sources];
        return SourceLiveness.Wedged(sources, now, watchdogInterval, _state.StartedAt);
    }

    /// <inheritdoc />
    public string Status()
    {
        int total, failing;
        lock (_state.Sources)
        {
            total = _state.Sources.Count;
            failing = _state.Sources.Count(s => s.ConsecutiveFailures > 0);
        }
        var broker = _state.BrokerConnected ? "broker connected" : "broker disconnected";
        var sources = failing == 0 ? $"{total} sources ok" : $"{failing}/{total} sources failing";
        return $"{sources}, {broker}, {_state.Published} published";
    }
}
