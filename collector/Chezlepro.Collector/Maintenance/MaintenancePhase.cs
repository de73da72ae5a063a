namespace Chezlepro.Collector.Maintenance;

/// <summary>Where a window stands relative to now.</summary>
public enum MaintenancePhase
{
    /// <summary>Not started: may still be rewritten or cancelled.</summary>
    Announced,
    /// <summary>Started: can only be ended early.</summary>
    InProgress,
    /// <summary>Over: frozen.</summary>
    Ended,
}
