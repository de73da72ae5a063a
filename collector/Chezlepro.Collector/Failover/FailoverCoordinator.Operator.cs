using Chezlepro.Collector.Texts;

namespace Chezlepro.Collector.Failover;

/// <summary>Operator calls and the API's view.</summary>
public sealed partial class FailoverCoordinator
{
    /// <summary>What an operator call did.</summary>
    public enum OperatorOutcome
    {
        /// <summary>A decision was taken, audited and published (or queued for publishing).</summary>
        Decided,
        /// <summary>No such group.</summary>
        UnknownGroup,
        /// <summary>The group's state does not allow the call.</summary>
        Conflict,
    }

    /// <summary>Returns a group to its primary (<c>POST /api/v1/failover/{group}/failback</c>).</summary>
    /// <param name="group">The group.</param>
    /// <param name="by">The caller's key or token name, recorded in the decision's evidence.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task<(OperatorOutcome Outcome, FailoverRecord? Record, Bilingual? Problem)> FailbackAsync(string group, string? by, CancellationToken cancellationToken) =>
        OperatorAsync(group, e => e.Failback(_time.GetUtcNow(), by), g => $"le groupe {g.Id} est déjà servi par son site primaire {g.Primary}.", cancellationToken);

    /// <summary>Confirms an advisory decision (<c>POST /api/v1/failover/{group}/confirm</c>).</summary>
    /// <param name="group">The group.</param>
    /// <param name="by">The caller's key or token name, recorded in the decision's evidence.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task<(OperatorOutcome Outcome, FailoverRecord? Record, Bilingual? Problem)> ConfirmAsync(string group, string? by, CancellationToken cancellationToken) =>
        OperatorAsync(group, e => e.Confirm(_time.GetUtcNow(), by), g => $"le groupe {g.Id} n’a aucune décision consultative en attente de confirmation.",
            cancellationToken);

    /// <summary>Every group with its state and recent history.</summary>
    public async Task<IReadOnlyList<FailoverGroupView>> ViewsAsync(int history, CancellationToken cancellationToken)
    {
        var views = new List<FailoverGroupView>();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var g in _catalog.FailoverGroups)
            {
                if (!_engines.TryGetValue(g.Id, out var engine)) continue;
                var s = engine.Snapshot();
                var recent = (await _audit.ListAsync(g.Id, history, cancellationToken)).Select(r => r.ToRecord()).ToList();
                views.Add(new FailoverGroupView(g.Id, g.Primary, g.Secondary, s.Active, s.Epoch, s.Mode, g.Failback, Kebab(s.State),
                    s.ConditionSince, s.LastDecision, s.Pending, recent));
            }
        }
        finally
        {
            _gate.Release();
        }
        return views;
    }

    // The engine refuses in English (its exception's message, answered as detailEn); refusedFr says the same in French.
    private async Task<(OperatorOutcome, FailoverRecord?, Bilingual?)> OperatorAsync(string group, Func<FailoverEngine, FailoverRecord> call,
        Func<Catalog.FailoverGroupDefinition, string> refusedFr, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var g = _catalog.FailoverGroups.Find(x => x.Id == group);
            if (g is null || !_engines.TryGetValue(group, out var engine)) return (OperatorOutcome.UnknownGroup, null, null);
            if (_leadership is { Shared: true } && !_leading)
            {
                return (OperatorOutcome.Conflict, null, new Bilingual("ce collecteur ne détient pas la direction des bascules\u00a0; adressez-vous au collecteur qui décide.",
                    "This collector does not hold the failover leadership; ask the collector that decides."));
            }
            FailoverRecord record;
            try
            {
                record = call(engine);
            }
            catch (InvalidOperationException ex)
            {
                return (OperatorOutcome.Conflict, null, new Bilingual(refusedFr(g), ex.Message));
            }
            if (!await RecordAsync(g, record, ct))
            {
                return (OperatorOutcome.Conflict, null, new Bilingual("le journal d’audit a refusé la décision (un autre collecteur a décidé à cette époque)\u00a0; réessayez.",
                    "The audit log refused the decision (another collector decided this epoch); retry."));
            }
            await PublishPendingAsync(ct);
            return (OperatorOutcome.Decided, record, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Kebab(FailoverState s) => s switch
    {
        FailoverState.PrimaryActive => "primary-active",
        FailoverState.Suspect => "suspect",
        FailoverState.AwaitingConfirmation => "awaiting-confirmation",
        FailoverState.FailedOver => "failed-over",
        _ => "failback-pending",
    };
}

/// <summary>Helpers over engines.</summary>
internal static class FailoverEngineExtensions
{
    /// <summary>The decision that describes where the group stands now, told to the sinks after an advisory lapsed.</summary>
    public static Contracts.Messages.FailoverDecision? LastApplied(this FailoverEngine engine) =>
        engine.LastDecision is { } d && d.Decision.Mode != FailoverModes.Advisory ? d.Decision : null;
}
