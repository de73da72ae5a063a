using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Incidents;

/// <summary>
/// An incident derived from a service's timeline. <see cref="Id"/> is stable for a given start
/// (<c>&lt;service&gt;-yyyyMMddTHHmmssZ</c>), so acknowledgements stored by id survive recomputation.
/// </summary>
public sealed record Incident
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>Service id.</summary>
    public required string ServiceId { get; init; }

    /// <summary>Priority from the service category.</summary>
    public required Priority Priority { get; init; }

    /// <summary>When the service went down.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the incident opened: down for the debounce.</summary>
    public required DateTimeOffset DetectedAt { get; init; }

    /// <summary>First acknowledgement, if any.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>When the service came back up (for at least the restore debounce), if it has.</summary>
    public DateTimeOffset? RestoredAt { get; init; }

    /// <summary>Acknowledgement due.</summary>
    public required DateTimeOffset AcknowledgeDueAt { get; init; }

    /// <summary>Restoration due.</summary>
    public required DateTimeOffset RestoreDueAt { get; init; }

    /// <summary>Client notice due (P1), or null.</summary>
    public DateTimeOffset? ClientNoticeDueAt { get; init; }

    /// <summary>Next client update due while open, or null.</summary>
    public DateTimeOffset? NextUpdateDueAt { get; init; }

    /// <summary>Acknowledged late, or not acknowledged and past due.</summary>
    public required bool AcknowledgeBreached { get; init; }

    /// <summary>Restored late, or not restored and past due.</summary>
    public required bool RestoreBreached { get; init; }

    /// <summary><c>open</c>, <c>acknowledged</c> or <c>restored</c>.</summary>
    public string Status => RestoredAt is not null ? "restored" : AcknowledgedAt is not null ? "acknowledged" : "open";
}
