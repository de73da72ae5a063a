namespace Chezlepro.Collector.Catalog;

/// <summary>A failover group of Catalog:FailoverGroups (service-levels.md, Failover).</summary>
public sealed class FailoverGroupDefinition
{
    /// <summary>Id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Primary site.</summary>
    public string Primary { get; set; } = "";

    /// <summary>Secondary site.</summary>
    public string Secondary { get; set; } = "";

    /// <summary>Defining checks.</summary>
    public List<CheckReference> Checks { get; set; } = [];

    /// <summary><c>automatic</c> or <c>advisory</c>.</summary>
    public string Mode { get; set; } = "automatic";

    /// <summary>How long the primary must be failing before a failover (default 60 s).</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Planned failover when battery runtime falls below this (default 30 min).</summary>
    public TimeSpan LeadTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary><c>manual</c> or <c>automatic</c>.</summary>
    public string Failback { get; set; } = "manual";

    /// <summary>How long the primary must be healthy before an automatic failback (default 30 min).</summary>
    public TimeSpan FailbackHold { get; set; } = TimeSpan.FromMinutes(30);
}
