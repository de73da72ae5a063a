namespace Chezlepro.Collector.Noc;

/// <summary>
/// The NOC stream's settings. They keep the keys they had when failover owned them, in the <c>Failover</c> section
/// (Noc/README.md documents them; contract.md has no section of its own for them), so no configuration changes.
/// </summary>
public sealed class NocOptions
{
    /// <summary>Section the keys are read from.</summary>
    public const string SectionName = "Failover";

    /// <summary>
    /// How often node states are offered and quiet flap holds end (<c>Failover:Interval</c>, default 5 s): the same
    /// key as the failover round, so a node alert and a failover decision are seen at the same pace.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often incident and RPO alerts are derived (<c>Failover:ServiceLevelAlertInterval</c>, default 30 s; their targets are minutes to hours).</summary>
    public TimeSpan ServiceLevelAlertInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back incidents are derived (<c>Failover:ServiceLevelAlertLookback</c>, default 7 days).</summary>
    public TimeSpan ServiceLevelAlertLookback { get; set; } = TimeSpan.FromDays(7);
}
