namespace Chezlepro.Collector.Catalog;

/// <summary>A service of Catalog:Services: its state comes from its defining checks (service-levels.md).</summary>
public sealed class ServiceDefinition
{
    /// <summary>
    /// Staleness limit when the service sets none. service-levels.md says "three poll intervals and at least 90 s";
    /// the collector does not know the agents' intervals, so it takes 90 s, right for checks polled every 30 s.
    /// Services polled more slowly (PBS every 5 min) must set <see cref="StalenessLimit"/> (e.g. 00:15:00).
    /// </summary>
    public static readonly TimeSpan DefaultStalenessLimit = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The shortest staleness limit a service may set (service-levels.md: "at least 90 s"). The stored intervals rely
    /// on it: a silence shorter than this never splits an interval, so no limit may be shorter.
    /// </summary>
    public static readonly TimeSpan MinimumStalenessLimit = TimeSpan.FromSeconds(90);

    /// <summary>Id, <c>[a-z0-9][a-z0-9-]*</c> by convention.</summary>
    public string Id { get; set; } = "";

    /// <summary>Name clients read (French first).</summary>
    public string Name { get; set; } = "";

    /// <summary><c>critical</c>, <c>important</c> or <c>non-critical</c>.</summary>
    public string Category { get; set; } = "";

    /// <summary>The checks whose results define the service's state.</summary>
    public List<CheckReference> Checks { get; set; } = [];

    /// <summary>A check with no result for longer than this is stale, hence unknown; default and minimum 90 s.</summary>
    public TimeSpan? StalenessLimit { get; set; }

    /// <summary>The effective staleness limit.</summary>
    public TimeSpan EffectiveStalenessLimit => StalenessLimit ?? DefaultStalenessLimit;

    /// <summary>The parsed category; throws when the category is not valid (the validator reports it first).</summary>
    public ServiceCategory ParsedCategory =>
        ServiceCategories.TryParse(Category, out var c) ? c : throw new InvalidOperationException($"Service '{Id}' has an invalid category '{Category}'.");
}
