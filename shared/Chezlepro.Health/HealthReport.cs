using Chezlepro.Contracts.Messages;

namespace Chezlepro.Health;

/// <summary>What one read of one target produced: health results and telemetry values.</summary>
public sealed class HealthReport
{
    /// <summary>Health results, one per check.</summary>
    public List<CheckResult> Checks { get; } = [];

    /// <summary>Telemetry values (guest states, usage fractions, latencies, …).</summary>
    public List<Sample> Samples { get; } = [];

    /// <summary>The result of <paramref name="check"/>, or null when this report has none.</summary>
    /// <param name="check">Check name.</param>
    public CheckResult? Find(string check) => Checks.Find(c => c.Check == check);
}
