namespace Chezlepro.Collector.Incidents;

/// <summary>Targets of one priority (service-levels.md, NOC annex).</summary>
public sealed class PriorityTargets
{
    /// <summary>Acknowledge within.</summary>
    public TimeSpan Acknowledge { get; set; }

    /// <summary>Restore within.</summary>
    public TimeSpan Restore { get; set; }

    /// <summary>Whether both targets run on business hours (P2, P3) instead of 24/7 (P1).</summary>
    public bool BusinessHours { get; set; }

    /// <summary>Client notice due within this after detection (P1 only), or null.</summary>
    public TimeSpan? ClientNotice { get; set; }

    /// <summary>Updates while open, or null.</summary>
    public TimeSpan? UpdateEvery { get; set; }
}
