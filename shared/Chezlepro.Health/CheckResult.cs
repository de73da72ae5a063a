using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Health;

/// <summary>One health check result, named as in contract.md (<c>proxmox.quorum</c>, <c>pbs.backup.vm-101</c>, …).</summary>
/// <param name="Check">Check name.</param>
/// <param name="Status">Status.</param>
/// <param name="Summary">One line for humans, in French (Québec); never a secret.</param>
/// <param name="Details">Check-specific values (for example <c>lastBackupAt</c>).</param>
public sealed record CheckResult(string Check, HealthStatus Status, string Summary, JsonObject? Details = null)
{
    /// <summary>The same line in English (<c>summaryEn</c> of the health payload).</summary>
    public string? SummaryEn { get; init; }
}
