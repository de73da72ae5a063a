using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Loops;
using Chezlepro.Collector.RestoreTests;
using Chezlepro.Collector.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// The leader appends every PBS verification (<c>backup.verified</c>) and every scheduled restore run
/// (<c>restore.test</c>, also kept as a <see cref="RestoreTest"/>) the nodes reported. It reads the stored health
/// results (the first round: those of the last 7 days; then those received since the previous round), not only the
/// latest one per check, so a verification or a run followed by another before the next round (or replayed late from
/// an agent's outbox) is not missed; the journal's (kind, subject, at) key and the store's test key write each once
/// however often the agent repeats it.
/// </summary>
public sealed class EvidenceBackupService : PeriodicRoundService
{
    /// <summary>Name of the loop in the log and in <c>/metrics</c>.</summary>
    public const string LoopName = "evidence-backups";

    // Longer than any outage of the collector we expect to recover from, as the incident loop's.
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    // After the first round only what was received since the last one, less this: a batch stamped before a round read
    // and committed after it, another collector's clock (PostgreSQL group).
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    private readonly IHealthResultHistory? _history;
    private readonly IRestoreTestStore _tests;
    private readonly IEvidenceJournal _journal;
    private readonly IOptionsMonitor<CatalogOptions> _catalog;
    private readonly ILeadership _leadership;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly HashSet<(string Kind, string Subject, DateTimeOffset At)> _written = [];
    private DateTimeOffset? _lastRound;

    /// <summary>Creates the service.</summary>
    public EvidenceBackupService(ICollectorStore store, IRestoreTestStore tests, IEvidenceJournal journal, IOptionsMonitor<CatalogOptions> catalog,
        ILeadership leadership, IOptions<RestoreTestOptions> options, TimeProvider time, LoopFailureCounters failures, ILogger<EvidenceBackupService> logger)
        : base(time, failures, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _history = store as IHealthResultHistory;
        _tests = tests;
        _journal = journal;
        _catalog = catalog;
        _leadership = leadership;
        _time = time;
        _interval = options.Value.ScanInterval;
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => _interval;

    /// <inheritdoc />
    protected override string RoundName => LoopName;

    /// <inheritdoc />
    public override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        if (!_leadership.IsLeader || _history is null) return;
        var catalog = _catalog.CurrentValue;
        var now = _time.GetUtcNow();
        var since = now - Lookback;
        var received = _lastRound is { } last ? last - Overlap : since;
        foreach (var result in await _history.GetDistinctHealthResultsAsync(BackupVerification.CheckPrefix, BackupVerification.Keys, since, received, cancellationToken))
        {
            if (BackupVerification.Read(result) is { } verification)
                await AppendOnceAsync(EvidenceBackupFacts.BackupVerified(verification, catalog), cancellationToken);
        }
        foreach (var result in await _history.GetDistinctHealthResultsAsync(RestoreResultReader.CheckPrefix, [RestoreResultReader.RunKey], since, received,
            cancellationToken))
        {
            if (RestoreResultReader.Read(result, catalog) is not { } test) continue;
            var entry = EvidenceBackupFacts.RestoreTested(test, catalog);
            if (_written.Contains((entry.Kind, entry.Subject, entry.At))) continue;
            // The row first: a fault between the two leaves the record to the next round (both writes are idempotent).
            await _tests.AddAsync(test, cancellationToken);
            await AppendOnceAsync(entry, cancellationToken);
        }
        // Only once every fact read is written: a failed round reads the same span again.
        _lastRound = now;
    }

    private async Task AppendOnceAsync(EvidenceEntry entry, CancellationToken cancellationToken)
    {
        // The store is idempotent already; this only spares it a locked look-up per fact per round.
        if (!_written.Add((entry.Kind, entry.Subject, entry.At))) return;
        try
        {
            await _journal.AppendAsync(entry, cancellationToken);
        }
        catch
        {
            _written.Remove((entry.Kind, entry.Subject, entry.At));
            throw;
        }
    }
}
