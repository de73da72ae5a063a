namespace Chezlepro.Collector.Storage;

/// <summary>
/// The raw health results still stored (within <c>Collector:TelemetryRetention</c>), read for facts an agent reports
/// once and then repeats (a PBS verification, a restore run): implemented by both <see cref="ICollectorStore"/>s.
/// </summary>
public interface IHealthResultHistory
{
    /// <summary>
    /// For every check whose name starts with <paramref name="checkPrefix"/>, the earliest stored result captured since
    /// <paramref name="capturedSince"/> and received since <paramref name="receivedSince"/>, per distinct value of the
    /// <c>details</c> fields <paramref name="detailKeys"/> (one to three field names), oldest first: a fact repeated by
    /// every later result comes back once, a new one as soon as any of those fields changes, whatever the order the
    /// results arrived in. A reader that keeps up reads only what arrived since its last read (a late replay from an
    /// agent's outbox is received late, whatever its capture time).
    /// </summary>
    Task<IReadOnlyList<StoredHealthResult>> GetDistinctHealthResultsAsync(string checkPrefix, IReadOnlyList<string> detailKeys, DateTimeOffset capturedSince,
        DateTimeOffset receivedSince, CancellationToken cancellationToken);
}
