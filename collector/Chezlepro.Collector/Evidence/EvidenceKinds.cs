namespace Chezlepro.Collector.Evidence;

/// <summary>The kinds of evidence record (issue 20); the value is what the journal stores and exports.</summary>
public static class EvidenceKinds
{
    /// <summary>A PBS verify result for one snapshot.</summary>
    public const string BackupVerified = "backup.verified";

    /// <summary>A restore test ran on a node (scheduled or asked for by the client).</summary>
    public const string RestoreTest = "restore.test";

    /// <summary>A disaster-recovery test with its measured RTO and RPO per service.</summary>
    public const string DrTest = "dr.test";

    /// <summary>A node's patch state changed (pending or security updates, last patch).</summary>
    public const string PatchState = "patch.state";

    /// <summary>An incident was detected.</summary>
    public const string IncidentDetected = "incident.detected";

    /// <summary>An incident was acknowledged, by whom.</summary>
    public const string IncidentAcknowledged = "incident.acknowledged";

    /// <summary>A notice was sent to the client (first notice, update, resolution, post-mortem, breach).</summary>
    public const string IncidentNotice = "incident.notice";

    /// <summary>The service was restored.</summary>
    public const string IncidentRestored = "incident.restored";

    /// <summary>A maintenance window was announced.</summary>
    public const string MaintenanceAnnounced = "maintenance.announced";

    /// <summary>A failover decision was taken (automatic, advisory or by an operator).</summary>
    public const string FailoverDecision = "failover.decision";

    /// <summary>A month was closed, with the fingerprint of its report.</summary>
    public const string MonthClosed = "month.closed";

    /// <summary>The contract configuration (catalog) changed, with its new fingerprint.</summary>
    public const string ContractChanged = "contract.changed";
}
