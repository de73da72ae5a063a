using Chezlepro.Collector.Catalog;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Failover;

/// <summary>
/// The pure, debounced decision machine of one failover group (service-levels.md, Failover). Not thread-safe:
/// the coordinator serialises calls. A trigger (primary unreachable, primary critical, or on battery under the
/// lead time) counts only while the witness holds, and must hold continuously for the group's hold: any
/// observation without it, any witness loss and any gap in observations longer than <see cref="MaxGap"/>
/// restarts the hold from zero, so a flapping primary or a collector that was blind never leads to a decision
/// (mqtt-sla.md §5.5: time-based hold, never let "I cannot see the peer" alone justify promotion).
/// </summary>
public sealed partial class FailoverEngine
{
    private readonly FailoverGroupDefinition _group;
    private DateTimeOffset? _conditionSince;
    private DateTimeOffset? _witnessSince;
    private FailoverObservation? _last;
    private FailoverRecord? _pending;
    private FailoverState _stateBeforePending;

    /// <summary>Creates the engine, resuming from the last decision the audit log holds (if any).</summary>
    /// <param name="group">The group's definition.</param>
    /// <param name="maxGap">Longest silence between observations that still counts as continuous.</param>
    /// <param name="lastEpoch">Epoch of the last decision ever taken for the group (0: none).</param>
    /// <param name="lastApplied">The last decision consumers apply (not advisory), to resume on the right site.</param>
    public FailoverEngine(FailoverGroupDefinition group, TimeSpan maxGap, long lastEpoch = 0, FailoverRecord? lastApplied = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxGap, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(lastEpoch);
        _group = group;
        MaxGap = maxGap;
        Epoch = lastEpoch;
        LastDecision = lastApplied;
        Active = lastApplied?.Decision.Active == group.Secondary ? group.Secondary : group.Primary;
        State = Active == group.Secondary ? FailoverState.FailedOver : FailoverState.PrimaryActive;
    }

    /// <summary>Group id.</summary>
    public string Group => _group.Id;

    /// <summary>Longest silence between observations that still counts as continuous.</summary>
    public TimeSpan MaxGap { get; }

    /// <summary>Current state.</summary>
    public FailoverState State { get; private set; }

    /// <summary>Site serving the group according to the last applicable decision.</summary>
    public string Active { get; private set; }

    /// <summary>Epoch of the last decision; only ever increases.</summary>
    public long Epoch { get; private set; }

    /// <summary>The last decision taken (any mode).</summary>
    public FailoverRecord? LastDecision { get; private set; }

    private bool Advisory => string.Equals(_group.Mode, FailoverModes.Advisory, StringComparison.OrdinalIgnoreCase);

    private bool AutomaticFailback => string.Equals(_group.Failback, "automatic", StringComparison.OrdinalIgnoreCase);

    /// <summary>The state for the API.</summary>
    public FailoverSnapshot Snapshot() => new(_group.Id, Active, Epoch, Advisory ? FailoverModes.Advisory : FailoverModes.Automatic,
        State, _conditionSince, LastDecision, _pending, _last);

    /// <summary>Feeds one observation; returns the decision it completes, if any.</summary>
    public FailoverStep Observe(FailoverObservation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (_last is { } prev)
        {
            if (o.At < prev.At) return FailoverStep.None; // out of order: the clock only moves forward here
            if (o.At - prev.At > MaxGap)
            {
                // Nobody watched during the gap: whatever held before cannot be said to have held throughout.
                _conditionSince = null;
                _witnessSince = null;
            }
        }
        _last = o;
        if (o.WitnessHolds) _witnessSince ??= o.At;
        else _witnessSince = null;

        return State switch
        {
            FailoverState.PrimaryActive or FailoverState.Suspect => WatchPrimary(o),
            FailoverState.FailedOver or FailoverState.FailbackPending => WatchFailback(o),
            _ => WatchPending(o),
        };
    }

    /// <summary>The trigger an observation shows, by precedence, or null.</summary>
    public string? TriggerOf(FailoverObservation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (!o.PrimaryReachable) return FailoverReasons.PrimaryUnreachable;
        if (o.PrimaryChecksCritical) return FailoverReasons.PrimaryCritical;
        if (o.PrimaryOnBattery && o.PrimaryRuntime is { } r && r < _group.LeadTime) return FailoverReasons.PlannedBattery;
        return null;
    }

    /// <summary>Healthy enough to return to: reachable, no critical check, back on grid.</summary>
    public static bool PrimaryHealthy(FailoverObservation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return o.PrimaryReachable && !o.PrimaryChecksCritical && !o.PrimaryOnBattery;
    }

    private FailoverStep WatchPrimary(FailoverObservation o)
    {
        var trigger = TriggerOf(o);
        if (trigger is null || !o.WitnessHolds)
        {
            _conditionSince = null;
            State = FailoverState.PrimaryActive;
            return FailoverStep.None;
        }
        _conditionSince ??= o.At;
        State = FailoverState.Suspect;
        if (o.At - _conditionSince.Value < _group.Hold) return FailoverStep.None;
        if (!o.SecondaryHealthy) return new FailoverStep(null, PrimaryDownSecondaryUnavailable: true);
        return new FailoverStep(Decide(_group.Secondary, trigger, o), false);
    }

    private FailoverStep WatchFailback(FailoverObservation o)
    {
        if (!o.WitnessHolds || !PrimaryHealthy(o))
        {
            _conditionSince = null;
            State = FailoverState.FailedOver;
            return FailoverStep.None;
        }
        _conditionSince ??= o.At;
        State = FailoverState.FailbackPending;
        if (!AutomaticFailback || o.At - _conditionSince.Value < _group.FailbackHold) return FailoverStep.None;
        return new FailoverStep(Decide(_group.Primary, FailoverReasons.Failback, o), false);
    }

    private FailoverStep WatchPending(FailoverObservation o)
    {
        var pending = _pending!;
        // An advisory proposal stands only while its condition does; an operator must not confirm a switch
        // whose cause has gone (the retained advisory stays on the topic, and consumers never apply advisories).
        var stillHolds = pending.Decision.Active == _group.Secondary ? TriggerOf(o) is not null : PrimaryHealthy(o);
        if (stillHolds) return FailoverStep.None;
        _pending = null;
        _conditionSince = null;
        State = _stateBeforePending == FailoverState.FailbackPending ? FailoverState.FailedOver : FailoverState.PrimaryActive;
        return new FailoverStep(null, false, Lapsed: pending);
    }

    private FailoverRecord Decide(string target, string reason, FailoverObservation o)
    {
        var evidence = new FailoverEvidence(reason, _conditionSince, o.At, o.PrimaryReachable, o.PrimaryChecksCritical,
            o.PrimaryOnBattery, o.PrimaryRuntime?.TotalSeconds, o.SecondaryHealthy, o.WitnessHolds, _witnessSince, o.Facts ?? []);
        var record = new FailoverRecord(new FailoverDecision
        {
            Group = _group.Id,
            Active = target,
            Previous = Active,
            Epoch = ++Epoch,
            Mode = Advisory ? FailoverModes.Advisory : FailoverModes.Automatic,
            Reason = reason,
            DecidedAt = o.At,
        }, evidence);
        LastDecision = record;
        _conditionSince = null;
        if (Advisory)
        {
            _pending = record;
            _stateBeforePending = State;
            State = FailoverState.AwaitingConfirmation;
        }
        else
        {
            Apply(target);
        }
        return record;
    }

    private void Apply(string target)
    {
        Active = target;
        _pending = null;
        _conditionSince = null;
        State = target == _group.Secondary ? FailoverState.FailedOver : FailoverState.PrimaryActive;
    }
}
