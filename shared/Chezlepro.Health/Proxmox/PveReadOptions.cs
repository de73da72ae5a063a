namespace Chezlepro.Health.Proxmox;

/// <summary>What a Proxmox VE poll reads beyond the three cluster-wide calls.</summary>
public sealed class PveReadOptions
{
    /// <summary>Read <c>/nodes/{n}/status</c> of each online node (load average, root fs). Default true.</summary>
    public bool ReadNodeStatus { get; init; } = true;

    /// <summary>Read <c>/nodes/{n}/replication</c> of each online node. Default true.</summary>
    public bool ReadReplication { get; init; } = true;

    /// <summary>
    /// Read <c>/nodes/{n}/apt/update</c>. Default false: PVE requires <c>Sys.Modify</c> for it, which the
    /// read-only PVEAuditor role does not hold.
    /// </summary>
    public bool ReadPendingUpdates { get; init; }

    /// <summary>Thresholds.</summary>
    public PveThresholds Thresholds { get; init; } = new();
}
