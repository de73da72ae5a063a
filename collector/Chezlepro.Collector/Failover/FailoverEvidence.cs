namespace Chezlepro.Collector.Failover;

/// <summary>The states and timestamps that led to a decision, written with it to the audit log.</summary>
/// <param name="Trigger">The reason that held.</param>
/// <param name="ConditionSince">Since when the condition held continuously with the witness up (null for an operator's call).</param>
/// <param name="ObservedAt">The observation that completed the hold.</param>
/// <param name="PrimaryReachable">Observed flag.</param>
/// <param name="PrimaryChecksCritical">Observed flag.</param>
/// <param name="PrimaryOnBattery">Observed flag.</param>
/// <param name="PrimaryRuntimeSeconds">Observed runtime estimate.</param>
/// <param name="SecondaryHealthy">Observed flag.</param>
/// <param name="WitnessHolds">Observed flag.</param>
/// <param name="WitnessSince">Since when the witness held.</param>
/// <param name="Facts">Node states and last-seen times behind the flags; operator notes.</param>
public sealed record FailoverEvidence(
    string Trigger,
    DateTimeOffset? ConditionSince,
    DateTimeOffset? ObservedAt,
    bool PrimaryReachable,
    bool PrimaryChecksCritical,
    bool PrimaryOnBattery,
    double? PrimaryRuntimeSeconds,
    bool SecondaryHealthy,
    bool WitnessHolds,
    DateTimeOffset? WitnessSince,
    IReadOnlyList<string> Facts);
