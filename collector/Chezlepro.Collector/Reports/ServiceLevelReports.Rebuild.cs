using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Storage.Formats;

namespace Chezlepro.Collector.Reports;

public sealed partial class ServiceLevelReports
{
    /// <summary>
    /// Rebuilds the state intervals from the stored results, then compares every closed month that the stored results
    /// reach (<paramref name="retention"/>) with its frozen report. Closed months stay frozen.
    /// </summary>
    public async Task<IntervalRebuildReport> RebuildIntervalsAsync(TimeSpan retention, CancellationToken ct)
    {
        var summary = await _store.RebuildIntervalsAsync(ct);
        var now = _time.GetUtcNow();
        var current = MonthPeriod.Containing(now, LocalTime.Toronto);
        var checkedMonths = new List<string>();
        var changes = new List<ClosedMonthChange>();
        for (var month = MonthPeriod.Containing(now - retention, LocalTime.Toronto); month != current; month = month.Next)
        {
            if (await _store.GetClosedReportAsync(month.ToString(), ct) is not { } json) continue;
            checkedMonths.Add(month.ToString());
            var frozen = StoredFormat.ReadReport(json).ToReport();
            var rebuilt = await ComputeSlaAsync(month, ct);
            foreach (var f in frozen.Contracts)
            {
                var r = rebuilt.Contracts.FirstOrDefault(c => c.ContractId == f.ContractId);
                if (r is null || (r.Availability == f.Availability && r.CreditPercent == f.CreditPercent)) continue;
                changes.Add(new ClosedMonthChange(month.ToString(), f.ContractId, f.Availability, r.Availability, f.CreditPercent, r.CreditPercent));
            }
        }

        return new IntervalRebuildReport(summary, checkedMonths, changes);
    }
}
