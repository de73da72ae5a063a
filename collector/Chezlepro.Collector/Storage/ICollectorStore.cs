using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Maintenance;

namespace Chezlepro.Collector.Storage;

/// <summary>
/// Persistence of the collector. Ingest is idempotent on (site, node, seq); health results fold into
/// per-check state intervals so storage grows with state changes, not with polling.
/// </summary>
public interface ICollectorStore : IAsyncDisposable
{
    /// <summary>Opens the store and applies pending migrations.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a batch in one transaction: all of it or, on a fault, none of it (the caller then does not acknowledge
    /// the batch and the broker delivers it again). Per item: a message is stored once per (site, node, seq) (a second
    /// time it is <see cref="StoreOutcome.Duplicate"/>); telemetry updates the latest value of each metric unless a
    /// fresher one is stored; a health result folds into its check's state intervals (the fold reads stored results,
    /// so <see cref="StoredMessage.Payload"/> must be the message's JSON); an alert updates the alert's current state;
    /// a birth, will or shutdown is applied with the session rule of contract.md.
    /// </summary>
    /// <returns>The outcomes, and the committed watermark of every node the batch named with a seq.</returns>
    Task<StoredBatch> StoreBatchAsync(IReadOnlyList<IngestItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Every known node.</summary>
    Task<IReadOnlyList<NodeView>> GetNodesAsync(CancellationToken cancellationToken);

    /// <summary>Latest metrics and checks of one node; null when the node is unknown.</summary>
    Task<(NodeView Node, IReadOnlyList<MetricView> Metrics, IReadOnlyList<HealthView> Health)?> GetLatestAsync(string site, string node, CancellationToken cancellationToken);

    /// <summary>Stored sequence numbers of a node in arrival order (tests and gap diagnostics).</summary>
    Task<IReadOnlyList<long>> GetSeqsAsync(string site, string node, CancellationToken cancellationToken);

    /// <summary>State intervals of every check overlapping [from, to).</summary>
    Task<IReadOnlyList<CheckIntervalRow>> GetCheckIntervalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Recomputes every check's state intervals from the health results still stored (within the retention) with
    /// the fold of <see cref="Folding.CheckFold"/>; rows older than the oldest stored result of a check stay.
    /// Also run once by the migration that introduced the order-independent fold.
    /// </summary>
    Task<IntervalRebuildSummary> RebuildIntervalsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes raw messages captured before <paramref name="before"/> (the idempotency window); returns rows removed.</summary>
    Task<int> PruneTelemetryAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// Every distinct <c>lastBackupAt</c> reported by a <c>pbs.backup.*</c> check since <paramref name="since"/>, so RPO
    /// breach spans are computed from each backup, not only from the latest one of a state interval.
    /// </summary>
    Task<IReadOnlyList<BackupPoint>> GetBackupPointsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Every maintenance window ever announced.</summary>
    Task<IReadOnlyList<MaintenanceWindow>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces a window (the rules of <see cref="MaintenanceRules"/> are applied before).</summary>
    Task SaveMaintenanceWindowAsync(MaintenanceWindow window, CancellationToken cancellationToken);

    /// <summary>First acknowledgement time per incident id.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> GetAcknowledgementsAsync(CancellationToken cancellationToken);

    /// <summary>Records an acknowledgement; false when the incident was already acknowledged (the first one stands).</summary>
    Task<bool> AcknowledgeAsync(string incidentId, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every stored incident identity (id and the span it covered when last derived).</summary>
    Task<IReadOnlyList<IncidentSpan>> GetIncidentSpansAsync(CancellationToken cancellationToken);

    /// <summary>Creates or moves incident identities (by id).</summary>
    Task SaveIncidentSpansAsync(IReadOnlyList<IncidentSpan> spans, CancellationToken cancellationToken);

    /// <summary>The frozen report of a closed month (JSON), or null while the month is open.</summary>
    Task<string?> GetClosedReportAsync(string month, CancellationToken cancellationToken);

    /// <summary>Freezes a month's report; false when it was already closed (the first closing stands).</summary>
    Task<bool> CloseMonthAsync(string month, string reportJson, string by, DateTimeOffset at, CancellationToken cancellationToken);
}
