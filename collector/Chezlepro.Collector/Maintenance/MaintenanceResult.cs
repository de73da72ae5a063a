using Chezlepro.Collector.Catalog;

namespace Chezlepro.Collector.Maintenance;

/// <summary>Outcome of a change: the window as it now stands, or the problems (field, value, reason) that refused it.</summary>
public sealed record MaintenanceResult(MaintenanceWindow? Window, IReadOnlyList<CatalogProblem> Problems)
{
    /// <summary>Whether the change was applied.</summary>
    public bool Succeeded => Window is not null && Problems.Count == 0;

    internal static MaintenanceResult Fail(params CatalogProblem[] problems) => new(null, problems);
}
