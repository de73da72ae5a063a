namespace Chezlepro.Collector.Failover;

/// <summary>Where a failover group stands (service-levels.md, Failover; mqtt-sla.md §5.5 debounced state machine).</summary>
public enum FailoverState
{
    /// <summary>The primary serves; no trigger holds.</summary>
    PrimaryActive,
    /// <summary>The primary serves; a trigger holds with the witness up and its hold is running.</summary>
    Suspect,
    /// <summary>An advisory decision was published and waits for an operator's confirmation.</summary>
    AwaitingConfirmation,
    /// <summary>The secondary serves; the primary is not yet healthy.</summary>
    FailedOver,
    /// <summary>The secondary serves; the primary is healthy and the failback hold (or the operator) is awaited.</summary>
    FailbackPending,
}
