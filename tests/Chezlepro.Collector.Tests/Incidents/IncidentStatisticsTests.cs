using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Incidents;

public class IncidentStatisticsTests
{
    private static Incident Make(string detected, int? ackMinutes, int? restoreMinutes, bool ackBreach = false) => new()
    {
        Id = detected,
        ServiceId = "mail",
        Priority = Priority.P1,
        StartedAt = Local(detected).AddMinutes(-1),
        DetectedAt = Local(detected),
        AcknowledgedAt = ackMinutes is { } a ? Local(detected).AddMinutes(a) : null,
        RestoredAt = restoreMinutes is { } r ? Local(detected).AddMinutes(r) : null,
        AcknowledgeDueAt = Local(detected).AddMinutes(30),
        RestoreDueAt = Local(detected).AddHours(4),
        AcknowledgeBreached = ackBreach,
        RestoreBreached = false,
    };

    [Fact]
    public void ForMonth_Incidents_MttaOverAcknowledgedMttrOverRestored()
    {
        var s = IncidentStatistics.ForMonth(
        [
            Make("2026-04-02 10:00", 10, 60),
            Make("2026-04-03 10:00", 30, null),
            Make("2026-04-04 10:00", null, 120, ackBreach: true),
            Make("2026-04-30 23:30", 5, 5), // 1 May in UTC, April in Toronto
            Make("2026-05-01 00:30", 1, 1), // May
        ], MonthPeriod.Parse("2026-04"));
        Assert.Equal(4, s.Count);
        Assert.Equal(3, s.Acknowledged);
        Assert.Equal(TimeSpan.FromMinutes(15), s.Mtta);
        Assert.Equal(TimeSpan.FromMinutes(185 / 3.0), s.Mttr);
        Assert.Equal(1, s.AcknowledgeBreaches);
    }

    [Fact]
    public void ForMonth_NoIncidents_NullMeans()
    {
        var s = IncidentStatistics.ForMonth([], MonthPeriod.Parse("2026-04"));
        Assert.Equal(0, s.Count);
        Assert.Null(s.Mtta);
        Assert.Null(s.Mttr);
    }
}
