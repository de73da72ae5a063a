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

    /// <summary>The next notice to the client due (the earliest one owed), or null when none is owed (Notices/README.md).</summary>
    public DateTimeOffset? NoticeDueAt { get; init; }

    /// <summary>The type of the notice due at <see cref="NoticeDueAt"/> (<c>first</c>, <c>update</c>, <c>resolution</c>, <c>postmortem</c>, <c>breach</c>).</summary>
    public string? NoticeDueType { get; init; }

    /// <summary>Whether a notice owed is past its due time.</summary>
    public bool NoticeLate { get; init; }

    /// <summary>The types of the notices owed and past due, earliest type first in the incident's life.</summary>
    public IReadOnlyList<string> LateNotices { get; init; } = [];

    /// <summary>Post-incident report due (P1/P2, 5 business days after restoration), or null.</summary>
    public DateTimeOffset? PostmortemDueAt { get; init; }

    /// <summary>Breach notice due (72 h after the breach was declared), or null.</summary>
    public DateTimeOffset? BreachNoticeDueAt { get; init; }

    /// <summary>Notices sent to the client so far.</summary>
    public int NoticesSent { get; init; }

    /// <summary><c>open</c>, <c>acknowledged</c> or <c>restored</c>.</summary>
    public string Status => RestoredAt is not null ? "restored" : AcknowledgedAt is not null ? "acknowledged" : "open";
}
