namespace Chezlepro.Collector.Rpo;

/// <summary>RPO status of a guest now.</summary>
public enum RpoStatus
{
    /// <summary>Last good backup younger than the target.</summary>
    Met,
    /// <summary>Last good backup as old as the target or older.</summary>
    Breached,
    /// <summary>No backup ever reported: counted as breached in the month's intervals (nothing proves it met).</summary>
    NoData,
}
