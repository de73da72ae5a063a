namespace Chezlepro.Collector.Failover;

/// <summary>What one observation produced.</summary>
/// <param name="Decision">A new decision to publish and audit, or null.</param>
/// <param name="PrimaryDownSecondaryUnavailable">The trigger has held for the hold with the witness up but the secondary is not healthy: no decision, a P1 for the NOC.</param>
/// <param name="Lapsed">An advisory decision whose condition no longer holds and that can no longer be confirmed.</param>
public sealed record FailoverStep(FailoverRecord? Decision, bool PrimaryDownSecondaryUnavailable, FailoverRecord? Lapsed = null)
{
    /// <summary>Nothing happened.</summary>
    public static readonly FailoverStep None = new(null, false);
}
