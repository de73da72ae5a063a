using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage;

/// <summary>The latest result of one check of a node.</summary>
public sealed record HealthView(string Check, HealthStatus Status, string Summary, string? DetailsJson, DateTimeOffset Ts);
