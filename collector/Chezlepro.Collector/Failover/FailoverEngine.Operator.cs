using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Failover;

/// <summary>Operator calls: confirming an advisory decision, returning a group to its primary.</summary>
public sealed partial class FailoverEngine
{
    /// <summary>Confirms the advisory decision awaiting an operator; throws <see cref="InvalidOperationException"/> when none is.</summary>
    /// <param name="now">When the operator confirmed.</param>
    /// <param name="by">The API key's or token's name of the operator, recorded in the evidence.</param>
    public FailoverRecord Confirm(DateTimeOffset now, string? by = null)
    {
        var pending = _pending ?? throw new InvalidOperationException($"Group {_group.Id} has no advisory decision awaiting confirmation (state {State}).");
        var record = new FailoverRecord(pending.Decision with
        {
            Previous = Active,
            Epoch = ++Epoch,
            Mode = FailoverModes.Operator,
            DecidedAt = now,
        }, pending.Evidence with { Facts = [.. pending.Evidence.Facts, $"confirmed by {by ?? "an operator"}; advisory epoch {pending.Decision.Epoch}"] });
        LastDecision = record;
        Apply(record.Decision.Active);
        return record;
    }

    /// <summary>
    /// Returns the group to its primary on an operator's call (the only way back when Failback is manual).
    /// Throws <see cref="InvalidOperationException"/> while the primary already serves.
    /// </summary>
    /// <param name="now">When the operator asked.</param>
    /// <param name="by">The API key's or token's name of the operator, recorded in the evidence.</param>
    public FailoverRecord Failback(DateTimeOffset now, string? by = null)
    {
        if (Active != _group.Secondary)
            throw new InvalidOperationException($"Group {_group.Id} is already served by its primary {_group.Primary}.");
        var o = _last;
        var evidence = new FailoverEvidence(FailoverReasons.Failback, null, o?.At, o?.PrimaryReachable ?? false, o?.PrimaryChecksCritical ?? false,
            o?.PrimaryOnBattery ?? false, o?.PrimaryRuntime?.TotalSeconds, o?.SecondaryHealthy ?? false, o?.WitnessHolds ?? false, _witnessSince,
            [.. o?.Facts ?? [], $"failback requested by {by ?? "an operator"}"]);
        var record = new FailoverRecord(new FailoverDecision
        {
            Group = _group.Id,
            Active = _group.Primary,
            Previous = Active,
            Epoch = ++Epoch,
            Mode = FailoverModes.Operator,
            Reason = FailoverReasons.Failback,
            DecidedAt = now,
        }, evidence);
        LastDecision = record;
        Apply(_group.Primary);
        return record;
    }
}
