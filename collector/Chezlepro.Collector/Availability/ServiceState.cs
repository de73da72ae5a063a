namespace Chezlepro.Collector.Availability;

/// <summary>A service's state over a span of time.</summary>
public enum ServiceState
{
    /// <summary>Every defining check ok or warning, and fresh.</summary>
    Up,
    /// <summary>At least one defining check critical.</summary>
    Down,
    /// <summary>No check critical, but at least one unknown, stale or without data.</summary>
    Unknown,
    /// <summary>Inside an announced maintenance window: excluded from both sides of the ratio.</summary>
    Excluded,
}
