using Chezlepro.Collector.Ingest;
using Chezlepro.Collector.Loops;
using Chezlepro.Hosting.Systemd;
using Chezlepro.Mqtt;

namespace Chezlepro.Collector.Hosting;

/// <summary>
/// The collector's answer to the systemd watchdog (<c>WatchdogSec=</c> of packaging/linux/chezlepro-collector.service).
/// Two things must turn: the MQTT ingest client must be alive — connected or reconnecting, which a broker outage is
/// not a reason to restart for, but not a client whose connection loop has ended (<c>mqtt-ingest</c>) — and no
/// periodic round may have run for longer than max(2 × its interval, the watchdog interval)
/// (<see cref="LoopFailureCounters.Stuck"/>). A round that fails is contained and counted, and turns again; only a
/// round that never returns withholds the pings. The HTTP API has no loop of its own to watch: Kestrel's threads
/// are the thread pool's.
/// </summary>
public sealed class CollectorLiveness : IServiceLiveness
{
    /// <summary>The name the ingest client goes by in the wedged list.</summary>
    public const string IngestLoop = "mqtt-ingest";

    private readonly LoopFailureCounters _loops;
    private readonly IngestService _ingest;
    private readonly IMqttClient _client;
    private readonly IngestCounters _counters;

    /// <summary>Creates the probe.</summary>
    /// <param name="loops">Every periodic round's last turn.</param>
    /// <param name="ingest">The ingest service (its start retries a refused connection before the client runs).</param>
    /// <param name="client">The collector's MQTT client.</param>
    /// <param name="counters">Ingest counters, for the status line.</param>
    public CollectorLiveness(LoopFailureCounters loops, IngestService ingest, IMqttClient client, IngestCounters counters)
    {
        _loops = loops;
        _ingest = ingest;
        _client = client;
        _counters = counters;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Wedged(DateTimeOffset now, TimeSpan watchdogInterval)
    {
        var stuck = _loops.Stuck(now, watchdogInterval);
        return IngestAlive ? stuck : [IngestLoop, .. stuck];
    }

    /// <inheritdoc />
    public string Status()
    {
        var broker = _client.IsConnected ? "broker connected" : "broker disconnected";
        return $"{broker}, {_loops.Turning} loops turning, {_counters.Get(IngestResult.Accepted)} messages stored";
    }

    // While ingest's ExecuteAsync still runs it is retrying a refused first connection; once it has returned, the
    // client's own loop reconnects, and only a client whose loop ended is dead. Test doubles have no loop to end.
    private bool IngestAlive => _ingest.ExecuteTask is null or { IsCompleted: false } || _client is not MqttClient { IsRunning: false };
}
