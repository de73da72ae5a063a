namespace Chezlepro.Collector.Storage.Formats;

/// <summary>
/// The evidence of a failover decision as the audit log stores it (the <c>evidence</c> column), version 1. Its own
/// type, not the API's <c>FailoverEvidence</c>, so that renaming or adding an API field cannot change what an
/// append-only log already holds or how it is read back. Rows written before the version field existed have the
/// same shape and read as version 1.
/// </summary>
public sealed record StoredFailoverEvidenceV1
{
    /// <summary>The format version this type reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Format version; absent in rows written before it existed, which read as 1.</summary>
    /// <remarks>
    /// A setter, not <c>init</c>: generated JSON code sets every init-only property, absent or not, and would turn a
    /// missing version into 0. The same holds for <see cref="Facts"/>.
    /// </remarks>
    public int Version { get; set; } = CurrentVersion;

    /// <summary>The reason that held (a failover reason code).</summary>
    public required string Trigger { get; init; }

    /// <summary>Since when the condition held continuously with the witness up (null for an operator's call).</summary>
    public DateTimeOffset? ConditionSince { get; init; }

    /// <summary>The observation that completed the hold.</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>Observed: the primary site was reachable.</summary>
    public bool PrimaryReachable { get; init; }

    /// <summary>Observed: a check of the group was critical.</summary>
    public bool PrimaryChecksCritical { get; init; }

    /// <summary>Observed: the primary site was on battery.</summary>
    public bool PrimaryOnBattery { get; init; }

    /// <summary>Observed battery runtime estimate of the primary, in seconds.</summary>
    public double? PrimaryRuntimeSeconds { get; init; }

    /// <summary>Observed: the secondary site was healthy.</summary>
    public bool SecondaryHealthy { get; init; }

    /// <summary>Observed: the witness held (broker connection up and another site heard).</summary>
    public bool WitnessHolds { get; init; }

    /// <summary>Since when the witness held.</summary>
    public DateTimeOffset? WitnessSince { get; init; }

    /// <summary>Node states and last-seen times behind the flags; operator notes.</summary>
    public IReadOnlyList<string> Facts { get; set; } = [];
}
