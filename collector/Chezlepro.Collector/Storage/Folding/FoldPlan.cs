namespace Chezlepro.Collector.Storage.Folding;

/// <summary>
/// What a store must change in one check's intervals for one result. When <see cref="NeedsResults"/> is set the
/// plan is not final: the store loads the check's stored results within that window and asks
/// <see cref="CheckFold.Recompute"/> for the final plan.
/// </summary>
/// <param name="Deletes">Ids of rows to delete.</param>
/// <param name="Updates">Rows to rewrite (by id) with these values.</param>
/// <param name="Inserts">New rows.</param>
/// <param name="NeedsResults">The intervals whose results must be read again, or null.</param>
public sealed record FoldPlan(
    IReadOnlyList<long> Deletes,
    IReadOnlyList<FoldInterval> Updates,
    IReadOnlyList<FoldInterval> Inserts,
    IReadOnlyList<FoldInterval>? NeedsResults = null)
{
    /// <summary>The result changes nothing (it repeats what an interval already says).</summary>
    public static readonly FoldPlan None = new([], [], []);

    /// <summary>A plan that first needs the stored results of <paramref name="window"/>.</summary>
    public static FoldPlan Reload(IReadOnlyList<FoldInterval> window) => new([], [], [], window);
}
