using System.Text.Json.Nodes;

namespace Chezlepro.Contracts.Messages;

/// <summary>One result of one health check.</summary>
public sealed record HealthResult : AgentMessage
{
    /// <summary>Check name (for example <c>ceph</c>, <c>pbs.backup.vm-101</c>); matches the topic.</summary>
    public required string Check { get; init; }

    /// <summary>Status.</summary>
    public required HealthStatus Status { get; init; }

    /// <summary>One line a human reads, in French (Québec) as the status page and clients read it.</summary>
    public string Summary { get; init; } = "";

    /// <summary>
    /// The same line in English (as alerts carry it). Optional and additive: agents before it send none, collectors
    /// before it ignore it.
    /// </summary>
    public string? SummaryEn { get; init; }

    /// <summary>Check-specific values (for example <c>lastBackupAt</c>).</summary>
    public JsonObject? Details { get; init; }
}
