using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Rpo;

namespace Chezlepro.Collector.DrTests;

/// <summary>
/// RTO and RPO targets of a DR test per category (service-levels.md, recovery objectives): critical ≤ 4 h / ≤ 1 h,
/// important ≤ 8 h / ≤ 4 h, non-critical ≤ 24 h / ≤ 8 h. The RPO is the one the RPO engine already holds each
/// guest to; the RTO is wall-clock time (a disaster is not paused outside business hours).
/// </summary>
public static class DrTargets
{
    /// <summary>The RTO of a category.</summary>
    public static TimeSpan Rto(ServiceCategory category) => category switch
    {
        ServiceCategory.Critical => TimeSpan.FromHours(4),
        ServiceCategory.Important => TimeSpan.FromHours(8),
        _ => TimeSpan.FromHours(24),
    };

    /// <summary>The RPO of a category.</summary>
    public static TimeSpan Rpo(ServiceCategory category) => RpoEvaluator.TargetFor(category);

    /// <summary>A measured service against its category's targets.</summary>
    public static DrTestService Measure(string service, ServiceCategory category, int rtoMinutes, int rpoMinutes) =>
        new(service, ServiceCategories.ToText(category), rtoMinutes, rpoMinutes, (int)Rto(category).TotalMinutes, (int)Rpo(category).TotalMinutes);
}
