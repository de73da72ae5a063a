using System.Threading.Channels;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Watermarks;

namespace Chezlepro.Collector.Tests.Support;

/// <summary>
/// A real store whose first <c>failures</c> prunes throw, as a PostgreSQL blip would; everything else (its delivery state too) goes to the
/// inner store. Each prune is reported on <see cref="Prunes"/> once it has ended, so a test can wait for it.
/// </summary>
internal sealed class FaultyPruneStore(ICollectorStore inner, int failures) : ICollectorStore, IDeliveryStore
{
    private IDeliveryStore Delivery => (IDeliveryStore)inner;

    public Task<IReadOnlyList<NodeWatermark>> GetWatermarksAsync(CancellationToken cancellationToken) => Delivery.GetWatermarksAsync(cancellationToken);

    public Task<NodeDelivery?> GetDeliveryAsync(string site, string node, int lastRejected, CancellationToken cancellationToken) =>
        Delivery.GetDeliveryAsync(site, node, lastRejected, cancellationToken);

    public Task<IReadOnlyList<DeliverySummary>> GetDeliverySummariesAsync(CancellationToken cancellationToken) => Delivery.GetDeliverySummariesAsync(cancellationToken);

    public Task<IReadOnlyList<EvictedSpan>> GetEvictedSpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Delivery.GetEvictedSpansAsync(from, to, cancellationToken);

    private int _failuresLeft = failures;

    /// <summary>One entry per prune: null when it threw, else the rows removed.</summary>
    public Channel<int?> Prunes { get; } = Channel.CreateUnbounded<int?>();

    public async Task<int> PruneTelemetryAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Prunes.Writer.TryWrite(null);
            throw new TimeoutException("simulated store fault: the database did not answer");
        }
        var removed = await inner.PruneTelemetryAsync(before, cancellationToken);
        Prunes.Writer.TryWrite(removed);
        return removed;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<StoredBatch> StoreBatchAsync(IReadOnlyList<IngestItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        inner.StoreBatchAsync(items, receivedAt, cancellationToken);

    public Task<IReadOnlyList<NodeView>> GetNodesAsync(CancellationToken cancellationToken) => inner.GetNodesAsync(cancellationToken);

    public Task<(NodeView Node, IReadOnlyList<MetricView> Metrics, IReadOnlyList<HealthView> Health)?> GetLatestAsync(string site, string node,
        CancellationToken cancellationToken) => inner.GetLatestAsync(site, node, cancellationToken);

    public Task<IReadOnlyList<long>> GetSeqsAsync(string site, string node, CancellationToken cancellationToken) =>
        inner.GetSeqsAsync(site, node, cancellationToken);

    public Task<IReadOnlyList<CheckIntervalRow>> GetCheckIntervalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        inner.GetCheckIntervalsAsync(from, to, cancellationToken);

    public Task<IReadOnlyList<BackupPoint>> GetBackupPointsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.GetBackupPointsAsync(since, cancellationToken);

    public Task<IReadOnlyList<MaintenanceWindow>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) =>
        inner.GetMaintenanceWindowsAsync(cancellationToken);

    public Task SaveMaintenanceWindowAsync(MaintenanceWindow window, CancellationToken cancellationToken) =>
        inner.SaveMaintenanceWindowAsync(window, cancellationToken);

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> GetAcknowledgementsAsync(CancellationToken cancellationToken) =>
        inner.GetAcknowledgementsAsync(cancellationToken);

    public Task<IntervalRebuildSummary> RebuildIntervalsAsync(CancellationToken cancellationToken) => inner.RebuildIntervalsAsync(cancellationToken);

    public Task<IReadOnlyList<IncidentSpan>> GetIncidentSpansAsync(CancellationToken cancellationToken) => inner.GetIncidentSpansAsync(cancellationToken);

    public Task SaveIncidentSpansAsync(IReadOnlyList<IncidentSpan> spans, CancellationToken cancellationToken) =>
        inner.SaveIncidentSpansAsync(spans, cancellationToken);

    public Task<bool> AcknowledgeAsync(string incidentId, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.AcknowledgeAsync(incidentId, by, at, cancellationToken);

    public Task<string?> GetClosedReportAsync(string month, CancellationToken cancellationToken) => inner.GetClosedReportAsync(month, cancellationToken);

    public Task<bool> CloseMonthAsync(string month, string reportJson, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.CloseMonthAsync(month, reportJson, by, at, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
