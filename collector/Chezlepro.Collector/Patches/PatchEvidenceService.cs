using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Patches;

/// <summary>
/// The leader journals every node's patch runs and security-count changes as <c>patch.state</c> records
/// (<see cref="PatchFacts"/>). The baseline is the last record of each node, read back from the journal when the
/// collector becomes leader, so a restart or a new leader writes nothing already journaled; a fact seen twice anyway
/// has the same (kind, subject, at) and is stored once.
/// </summary>
public sealed class PatchEvidenceService : PeriodicRoundService
{
    /// <summary>Name of the loop in the log and in <c>/metrics</c>.</summary>
    public const string LoopName = "evidence-patches";

    // The journal is read back a month at a time, newest first, until every node has its last record; a node never
    // journaled costs a read of the retained year once per leadership.
    private static readonly TimeSpan Window = TimeSpan.FromDays(31);
    private const int MaxWindows = 13;

    private readonly ICollectorStore _store;
    private readonly EvidenceJournal _journal;
    private readonly ILeadership _leadership;
    private readonly IOptionsMonitor<CatalogOptions> _catalog;
    private readonly TimeProvider _time;
    private Dictionary<string, PatchBaseline>? _baseline;

    /// <summary>Creates the service.</summary>
    public PatchEvidenceService(ICollectorStore store, EvidenceJournal journal, ILeadership leadership, IOptionsMonitor<CatalogOptions> catalog,
        TimeProvider time, LoopFailureCounters failures, ILogger<PatchEvidenceService> logger)
        : base(time, failures, logger)
    {
        _store = store;
        _journal = journal;
        _leadership = leadership;
        _catalog = catalog;
        _time = time;
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override string RoundName => LoopName;

    /// <inheritdoc />
    public override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        if (!_leadership.IsLeader)
        {
            // Another collector journals meanwhile: whatever we knew is stale when we lead again.
            _baseline = null;
            return;
        }
        var now = _time.GetUtcNow();
        var states = await PatchStates.ReadAsync(_store, now, cancellationToken);
        _baseline ??= await ReadBaselineAsync(states.Select(s => s.Subject).ToHashSet(StringComparer.Ordinal), now, cancellationToken);
        var catalog = _catalog.CurrentValue;
        foreach (var state in states)
        {
            if (PatchFacts.Change(_baseline.GetValueOrDefault(state.Subject), state, catalog) is not { } entry) continue;
            await _journal.AppendAsync(entry, cancellationToken);
            _baseline[state.Subject] = PatchFacts.After(entry.Data);
        }
    }

    private async Task<Dictionary<string, PatchBaseline>> ReadBaselineAsync(HashSet<string> subjects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var baseline = new Dictionary<string, PatchBaseline>(StringComparer.Ordinal);
        var to = now.AddDays(1);
        for (var i = 0; i < MaxWindows && baseline.Count < subjects.Count; i++)
        {
            var from = to - Window;
            var records = await _journal.ListAsync(from, to, null, cancellationToken);
            // Newest first within the window: the last record written is the state the next change starts from.
            foreach (var record in records.Where(r => r.Kind == EvidenceKinds.PatchState).OrderByDescending(r => r.Seq))
            {
                if (subjects.Contains(record.Subject)) baseline.TryAdd(record.Subject, PatchFacts.After(record.Data));
            }
            to = from;
        }
        return baseline;
    }
}
