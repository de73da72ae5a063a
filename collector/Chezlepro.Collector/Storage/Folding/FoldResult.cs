using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage.Folding;

/// <summary>One health result of a check as the fold sees it: capture time (Unix ms), status and details JSON.</summary>
/// <param name="Ts">Capture time in Unix milliseconds.</param>
/// <param name="Status">Reported status.</param>
/// <param name="Details">Details JSON, kept on the interval for diagnostics.</param>
public readonly record struct FoldResult(long Ts, HealthStatus Status, string? Details);
