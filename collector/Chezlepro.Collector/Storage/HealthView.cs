using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage;

/// <summary>The latest result of one check of a node.</summary>
public sealed record HealthView(string Check, HealthStatus Status, string Summary, string? DetailsJson, DateTimeOffset Ts)
{
    /// <summary>The English summary the agent sent (<c>summaryEn</c>); null for a result stored before it was kept or sent without one.</summary>
    public string? SummaryEn { get; init; }
}
