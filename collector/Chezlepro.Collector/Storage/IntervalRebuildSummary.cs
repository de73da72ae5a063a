namespace Chezlepro.Collector.Storage;

/// <summary>What a rebuild of the state intervals from the stored results did.</summary>
/// <param name="Checks">Checks that had stored results and were rebuilt.</param>
/// <param name="RowsBefore">Interval rows of those checks before.</param>
/// <param name="RowsAfter">Interval rows of those checks after.</param>
public sealed record IntervalRebuildSummary(int Checks, int RowsBefore, int RowsAfter);
