using System.Text.Json.Serialization;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Availability;

/// <summary>
/// One reason for a timeline segment: a check and what it said (or did not say), a maintenance window, or the
/// absence of a contract. A value record, so adjacent spans with the same causes merge into one segment.
/// </summary>
public sealed record TimelineCause
{
    /// <summary>What kind of reason.</summary>
    public required TimelineCauseKind Kind { get; init; }

    /// <summary>The check, for check causes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CheckKey? Check { get; init; }

    /// <summary>The status the check reported last (for a stale check, the status it went silent in).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HealthStatus? Status { get; init; }

    /// <summary>When the last result confirming that status arrived (capture time).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LastResultAt { get; init; }

    /// <summary>The maintenance window's id, for maintenance causes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WindowId { get; init; }

    /// <summary>The maintenance window's announced reason.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WindowReason { get; init; }

    /// <summary>The same, in one readable line (English), e.g. "ovh/proxy1/probe.mail: no result since 2026-03-10T12:00:00.000Z".</summary>
    public required string Text { get; init; }
}
