using System.Collections.Concurrent;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.Scheduling;

/// <summary>Live state of the agent shared by the runner, the forwarder, the status page and metrics.</summary>
public sealed class AgentState
{
    private readonly ConcurrentDictionary<string, Alert> _activeAlerts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Sample> _latestSamples = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HealthResult> _latestHealth = new(StringComparer.Ordinal);

    /// <summary>Per-source status, in configuration order.</summary>
    public List<SourceStatus> Sources { get; } = [];

    /// <summary>True while connected to the broker.</summary>
    public bool BrokerConnected { get; set; }

    /// <summary>Current session counter.</summary>
    public long Session { get; set; }

    /// <summary>When the last PUBACK arrived.</summary>
    public DateTimeOffset? LastPublishAt { get; set; }

    /// <summary>Messages acknowledged since start.</summary>
    public long Published { get; set; }

    /// <summary>Rows published again since start (a reconnect or an acknowledgement timeout re-sends from the watermark).</summary>
    public long Resends { get; set; }

    /// <summary>When the agent started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Latest value per metric.</summary>
    public IReadOnlyDictionary<string, Sample> LatestSamples => _latestSamples;

    /// <summary>Latest result per check.</summary>
    public IReadOnlyDictionary<string, HealthResult> LatestHealth => _latestHealth;

    /// <summary>Alerts currently raised, by id.</summary>
    public IReadOnlyDictionary<string, Alert> ActiveAlerts => _activeAlerts;

    /// <summary>Records what one poll produced.</summary>
    public void Record(IEnumerable<Sample> samples, IEnumerable<HealthResult> health, IEnumerable<Alert> alerts)
    {
        foreach (var s in samples) _latestSamples[s.Metric] = s;
        foreach (var h in health) _latestHealth[h.Check] = h;
        foreach (var a in alerts)
        {
            if (a.State == AlertState.Raised) _activeAlerts[a.Id] = a;
            else _activeAlerts.TryRemove(a.Id, out _);
        }
    }
}
