namespace Chezlepro.Health.Proxmox;

/// <summary>Warning thresholds of the Proxmox VE checks. Defaults follow Zabbix "Proxmox VE by HTTP" (reference §4).</summary>
public sealed class PveThresholds
{
    /// <summary>Node memory used fraction at or above which the node check warns. Default 0.90.</summary>
    public double MemoryWarning { get; init; } = 0.90;

    /// <summary>Node CPU fraction at or above which the node check warns. Default 0.90.</summary>
    public double CpuWarning { get; init; } = 0.90;

    /// <summary>1-minute load per CPU at or above which the node check warns. Default 1.5.</summary>
    public double LoadPerCpuWarning { get; init; } = 1.5;

    /// <summary>Root file system used fraction at or above which the node check warns. Default 0.90.</summary>
    public double RootFsWarning { get; init; } = 0.90;

    /// <summary>Storage used fraction at or above which the node check warns. Default 0.90.</summary>
    public double StorageWarning { get; init; } = 0.90;

    /// <summary>Uptime below which the summary says the node restarted. Default 10 min (Zabbix).</summary>
    public TimeSpan RestartedWithin { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Age of the HA master's timestamp past which <c>proxmox.ha</c> warns. Default 60 s (HA itself says "dead?" at 30 s).</summary>
    public TimeSpan HaMasterStaleAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Age of a replication job's last successful sync at or above which <c>proxmox.replication</c> warns.
    /// Default 1 h: the RPO of a critical guest (service-levels.md), four missed runs of PVE's default <c>*/15</c>.</summary>
    public TimeSpan ReplicationLagWarning { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Age of the last successful sync at or above which the check is critical. Default 4 h: the RPO of an important guest.</summary>
    public TimeSpan ReplicationLagCritical { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Consecutive failures (<c>fail_count</c>) at or above which the check warns. Default 1.</summary>
    public int ReplicationFailuresWarning { get; init; } = 1;

    /// <summary>Consecutive failures at or above which the check is critical. Default 3: PVE then retries only every 30 min (reference §1.3).</summary>
    public int ReplicationFailuresCritical { get; init; } = 3;
}
