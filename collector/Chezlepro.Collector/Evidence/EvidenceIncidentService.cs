using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Storage;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// The leader appends every incident's detection and restoration as the engines recompute them (each at the time it
/// happened, so the journal's (kind, subject, at) key stores a fact seen again after a restart, or by a new leader,
/// once). Also checks, on its first round as leader, whether the contracts changed since the last record.
/// </summary>
public sealed class EvidenceIncidentService : PeriodicRoundService
{
    /// <summary>Name of the loop in the log and in <c>/metrics</c>.</summary>
    public const string LoopName = "evidence-incidents";

    // Longer than any outage of the collector we expect to recover from; older incidents were journaled then.
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    private readonly ServiceLevelReports _reports;
    private readonly EvidenceJournal _journal;
    private readonly ILeadership _leadership;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HashSet<(string Kind, string Subject, DateTimeOffset At)> _written = [];
    private bool _contractsChecked;

    /// <summary>Creates the service.</summary>
    public EvidenceIncidentService(ServiceLevelReports reports, EvidenceJournal journal, ILeadership leadership, TimeProvider time,
        LoopFailureCounters failures, ILogger<EvidenceIncidentService> logger)
        : base(time, failures, logger)
    {
        _reports = reports;
        _journal = journal;
        _leadership = leadership;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override string RoundName => LoopName;

    /// <inheritdoc />
    public override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        if (!_leadership.IsLeader) return;
        var catalog = _reports.Catalog;
        if (!_contractsChecked)
        {
            var changes = EvidenceFacts.ContractChanges(await _journal.LatestAsync(EvidenceKinds.ContractChanged, cancellationToken), catalog, _time.GetUtcNow());
            foreach (var change in changes) await _journal.AppendAsync(change, cancellationToken);
            if (changes.Count > 0)
            {
                var previous = changes[0].Data["previous"]?.GetValue<string>() ?? "none";
                var fingerprint = changes[0].Data["fingerprint"]!.GetValue<string>();
                EvidenceLog.ContractChanged(_logger, previous, fingerprint);
            }
            _contractsChecked = true;
        }
        foreach (var incident in await _reports.IncidentsAsync(Lookback, cancellationToken))
        {
            await AppendOnceAsync(EvidenceFacts.IncidentDetected(incident, catalog), cancellationToken);
            if (incident.RestoredAt is { } restored) await AppendOnceAsync(EvidenceFacts.IncidentRestored(incident, restored, catalog), cancellationToken);
        }
    }

    private async Task AppendOnceAsync(EvidenceEntry entry, CancellationToken cancellationToken)
    {
        // The store is idempotent already; this only spares it a locked look-up per incident per minute.
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
