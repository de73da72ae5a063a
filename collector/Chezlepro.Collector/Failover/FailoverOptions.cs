namespace Chezlepro.Collector.Failover;

/// <summary>
/// The <c>Failover</c> section (an addition to contract.md's configuration; every key has a default). The NOC stream
/// reads its own keys from the same section (<c>ServiceLevelAlertInterval</c>, <c>ServiceLevelAlertLookback</c>, and
/// <c>Interval</c> for its pace) into options of its own.
/// </summary>
public sealed class FailoverOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Failover";

    /// <summary>How often the groups are observed (default 5 s).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A node whose last message was captured longer ago than this counts as stale (unreachable), and a
    /// site heard less recently does not count for the witness (default 90 s: three 30 s keepalives).
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Longest silence between two observations that still counts as continuous; longer restarts every hold (default 30 s).</summary>
    public TimeSpan MaxObservationGap { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the collector decides at all (a second collector can be set to follow only).</summary>
    public bool Enabled { get; set; } = true;
}
