namespace Chezlepro.Collector.Catalog;

/// <summary>
/// The <c>Catalog</c> section of contract.md: services, contracts, guests and failover groups. <see cref="Holidays"/>
/// (Catalog:Holidays, local dates in America/Toronto, "yyyy-MM-dd") is an addition: the statutory holidays the
/// business-hours calendar skips for P2/P3 targets.
/// </summary>
public sealed class CatalogOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Catalog";

    /// <summary>Monitored services and the checks that define them.</summary>
    public List<ServiceDefinition> Services { get; set; } = [];

    /// <summary>Client contracts billed against the services.</summary>
    public List<ContractDefinition> Contracts { get; set; } = [];

    /// <summary>Protected guests (RPO), each attached to a service.</summary>
    public List<GuestDefinition> Guests { get; set; } = [];

    /// <summary>Failover groups.</summary>
    public List<FailoverGroupDefinition> FailoverGroups { get; set; } = [];

    /// <summary>Statutory holidays excluded from business hours.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>The service with an id, or null.</summary>
    public ServiceDefinition? FindService(string id) => Services.Find(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}
