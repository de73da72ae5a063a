using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// Where the NOC stream goes, beneath <see cref="NocAlertBook"/>'s de-duplication: the MQTT topic, Alertmanager, …
/// <see cref="NocPublisher"/> hands every sink the same alerts in the same order and decides who speaks (only the
/// leader flushes). A sink never throws for an unreachable peer: it keeps what it could not send, counts the failure
/// in <see cref="NocSinkCounters"/>, logs it, and tries again at the next flush.
/// </summary>
public interface INocSink
{
    /// <summary>The sink's name in <c>/metrics</c> (<c>sink</c> label) and in the log.</summary>
    string Name { get; }

    /// <summary>Takes one alert the book let through (raised or cleared); never blocks, never does I/O.</summary>
    /// <param name="alert">The alert.</param>
    void Enqueue(NocAlert alert);

    /// <summary>Forgets what is waiting to be sent: this collector is not the leader, the leader sends.</summary>
    void Drop();

    /// <summary>
    /// Sends what is waiting, in order, or starts sending it: a sink whose peer may be slow (an HTTP call) hands the
    /// work to its own loop and returns, so neither ingest nor another sink ever waits for it.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    Task FlushAsync(CancellationToken cancellationToken);
}
