namespace Chezlepro.Collector.Failover;

/// <summary>
/// What the collector sees of one group at one instant. Built from the store by <see cref="ObservationBuilder"/>;
/// the engine never reads anything else, so every decision is reproducible from its observations.
/// </summary>
/// <param name="At">When it was observed.</param>
/// <param name="PrimaryReachable">At least one agent of the primary is online and not stale.</param>
/// <param name="PrimaryChecksCritical">A fresh result of a defining check (not located at the secondary) is critical.</param>
/// <param name="SecondaryHealthy">At least one agent of the secondary is online and fresh, and none of its defining checks is critical.</param>
/// <param name="WitnessHolds">The collector is connected to the broker and hears at least one site other than the primary.</param>
/// <param name="PrimaryOnBattery">A fresh <c>grid.available</c> of 0 at the primary (or a runtime estimate, which only exists while discharging).</param>
/// <param name="PrimaryRuntime">Smallest fresh <c>battery.runtime</c> at the primary, when known.</param>
/// <param name="Facts">Human-readable facts behind the flags (node states, last-seen times), copied into the evidence.</param>
public sealed record FailoverObservation(
    DateTimeOffset At,
    bool PrimaryReachable,
    bool PrimaryChecksCritical,
    bool SecondaryHealthy,
    bool WitnessHolds,
    bool PrimaryOnBattery = false,
    TimeSpan? PrimaryRuntime = null,
    IReadOnlyList<string>? Facts = null);
