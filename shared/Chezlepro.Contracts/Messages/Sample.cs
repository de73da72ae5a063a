namespace Chezlepro.Contracts.Messages;

/// <summary>One metric value in a telemetry batch.</summary>
/// <param name="Metric">Metric name (contract.md names for power values).</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit symbol, when the metric has one.</param>
public sealed record Sample(string Metric, double Value, string? Unit = null);
