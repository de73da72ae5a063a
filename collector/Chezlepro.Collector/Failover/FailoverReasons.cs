namespace Chezlepro.Collector.Failover;

/// <summary>The <c>reason</c> values of a failover decision (contract.md).</summary>
public static class FailoverReasons
{
    /// <summary>The primary's agents are offline or stale.</summary>
    public const string PrimaryUnreachable = "primary-unreachable";

    /// <summary>A defining check of the group is critical at the primary.</summary>
    public const string PrimaryCritical = "primary-critical";

    /// <summary>The primary runs on battery with less runtime than the group's lead time.</summary>
    public const string PlannedBattery = "planned-battery";

    /// <summary>Return to the primary.</summary>
    public const string Failback = "failback";
}
