using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.Sources;

/// <summary>One health check result produced by a source (becomes a <see cref="HealthResult"/>).</summary>
/// <param name="Check">Check name (contract.md: <c>proxmox.quorum</c>, <c>probe.mail</c>, …).</param>
/// <param name="Status">Status.</param>
/// <param name="Summary">One line for humans, in French (Québec; the status page's language); no secrets.</param>
/// <param name="Details">Check-specific values.</param>
public sealed record HealthReading(string Check, HealthStatus Status, string Summary, JsonObject? Details = null)
{
    /// <summary>The same line in English (<c>summaryEn</c> of the health payload).</summary>
    public string? SummaryEn { get; init; }
}
