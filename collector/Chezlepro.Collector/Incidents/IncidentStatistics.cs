using Chezlepro.Collector.Calendar;

namespace Chezlepro.Collector.Incidents;

/// <summary>MTTA and MTTR per month (definitions on <see cref="IncidentMonthStatistics"/>).</summary>
public static class IncidentStatistics
{
    /// <summary>The figures of the incidents detected in <paramref name="month"/>.</summary>
    public static IncidentMonthStatistics ForMonth(IEnumerable<Incident> incidents, MonthPeriod month)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var start = month.Start(LocalTime.Toronto);
        var end = month.End(LocalTime.Toronto);
        var inMonth = incidents.Where(i => i.DetectedAt >= start && i.DetectedAt < end).ToList();
        var acked = inMonth.Where(i => i.AcknowledgedAt is not null).Select(i => i.AcknowledgedAt!.Value - i.DetectedAt).ToList();
        var restored = inMonth.Where(i => i.RestoredAt is not null).Select(i => i.RestoredAt!.Value - i.DetectedAt).ToList();
        return new IncidentMonthStatistics(
            month.ToString(),
            inMonth.Count,
            acked.Count,
            restored.Count,
            Mean(acked),
            Mean(restored),
            inMonth.Count(i => i.AcknowledgeBreached),
            inMonth.Count(i => i.RestoreBreached));
    }

    private static TimeSpan? Mean(List<TimeSpan> spans) =>
        spans.Count == 0 ? null : TimeSpan.FromTicks((long)spans.Average(s => (decimal)s.Ticks));
}
