using Chezlepro.Collector.Storage;

namespace Chezlepro.Collector.Reports;

/// <summary>The outcome of <c>rebuild-intervals</c>: what was rebuilt and which closed months now read differently.</summary>
/// <param name="Summary">Checks and rows rebuilt.</param>
/// <param name="ClosedMonthsChecked">Closed months compared with their frozen report.</param>
/// <param name="Changes">Contracts of closed months whose figures differ from the frozen report.</param>
public sealed record IntervalRebuildReport(IntervalRebuildSummary Summary, IReadOnlyList<string> ClosedMonthsChecked, IReadOnlyList<ClosedMonthChange> Changes);
