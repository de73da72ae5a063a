using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Incidents;

public class IncidentTrackerTests
{
    private static readonly IncidentTracker Tracker = new(new IncidentPolicy(), BusinessCalendar.Toronto([new DateOnly(2026, 5, 18)]));
    private static readonly Dictionary<string, DateTimeOffset> NoAcks = [];

    private static IReadOnlyList<Incident> Derive(string category, DateTimeOffset now, IReadOnlyDictionary<string, DateTimeOffset>? acks, params (HealthStatus, DateTimeOffset, DateTimeOffset)[] steps) =>
        Tracker.Derive(Service("mail", category), new CheckHistoryIndex(History(Mail, now.AddDays(-10), now, steps)), [], now.AddDays(-7), now, acks ?? NoAcks);

    [Theory]
    [InlineData("critical", Priority.P1)]
    [InlineData("important", Priority.P2)]
    [InlineData("non-critical", Priority.P3)]
    public void PriorityOf_Category_MapsToPriority(string category, Priority expected)
    {
        Assert.True(ServiceCategories.TryParse(category, out var c));
        Assert.Equal(expected, IncidentTracker.PriorityOf(c));
    }

    [Fact]
    public void Derive_BlipShorterThanDebounce_OpensNothing() =>
        Assert.Empty(Derive("critical", Local("2026-04-15 12:00"), null, (HealthStatus.Critical, Local("2026-04-14 10:00"), Local("2026-04-14 10:00").AddSeconds(59))));

    [Fact]
    public void Derive_DownForDebounce_OpensWithDetectionAfterTheDebounce()
    {
        var start = Local("2026-04-14 10:00");
        var i = Assert.Single(Derive("critical", Local("2026-04-15 12:00"), null, (HealthStatus.Critical, start, start.AddSeconds(60))));
        Assert.Equal(start, i.StartedAt);
        Assert.Equal(start.AddMinutes(1), i.DetectedAt);
        Assert.Equal(start.AddMinutes(1), i.RestoredAt);
        Assert.Equal("mail-20260414T140000Z", i.Id);
    }

    [Fact]
    public void Derive_P1_Targets24x7AndClientNotice()
    {
        var start = Local("2026-04-18 22:00"); // Saturday night: P1 clocks do not stop
        var i = Assert.Single(Derive("critical", Local("2026-04-19 12:00"), null, (HealthStatus.Critical, start, start.AddHours(5))));
        Assert.Equal(i.DetectedAt.AddMinutes(30), i.AcknowledgeDueAt);
        Assert.Equal(i.DetectedAt.AddHours(4), i.RestoreDueAt);
        Assert.Equal(i.DetectedAt.AddMinutes(30), i.ClientNoticeDueAt);
        Assert.True(i.RestoreBreached);
        Assert.True(i.AcknowledgeBreached); // never acknowledged, now is past due
    }

    [Fact]
    public void Derive_P2OnFridayEvening_TargetsRunOnBusinessHours()
    {
        var start = Local("2026-04-17 18:00");
        var i = Assert.Single(Derive("important", Local("2026-04-18 12:00"), null, (HealthStatus.Critical, start, start.AddHours(1))));
        Assert.Equal(Local("2026-04-20 11:00"), i.AcknowledgeDueAt);
        Assert.Equal(Local("2026-04-20 17:00"), i.RestoreDueAt);
        Assert.False(i.AcknowledgeBreached); // Saturday noon: not due yet
        Assert.False(i.RestoreBreached);
        Assert.Null(i.ClientNoticeDueAt);
    }

    [Fact]
    public void Derive_P3_RestoreWithinThreeBusinessDaysSkippingAHoliday()
    {
        var start = Local("2026-05-15 10:00"); // Friday; Monday 18 May is a holiday
        var i = Assert.Single(Derive("non-critical", Local("2026-05-20 12:00"), null, (HealthStatus.Critical, start, start.AddHours(1))));
        Assert.Equal(start.AddMinutes(1), i.DetectedAt);
        Assert.Equal(Local("2026-05-21 10:01"), i.RestoreDueAt); // Fri 6 h 59 + Tue 8 h + Wed 8 h + Thu 1 h 01
        Assert.Equal(Local("2026-05-19 10:01"), i.AcknowledgeDueAt);
    }

    [Fact]
    public void Derive_Acknowledgement_ByIdRecordsItAndClearsTheBreach()
    {
        var start = Local("2026-04-14 10:00");
        var acks = new Dictionary<string, DateTimeOffset> { ["mail-20260414T140000Z"] = start.AddMinutes(20) };
        var i = Assert.Single(Derive("critical", Local("2026-04-14 11:00"), acks, (HealthStatus.Critical, start, start.AddMinutes(40))));
        Assert.Equal(start.AddMinutes(20), i.AcknowledgedAt);
        Assert.False(i.AcknowledgeBreached);
        Assert.Equal("restored", i.Status);
    }

    [Fact]
    public void Derive_StillDown_IsOpenWithHourlyUpdates()
    {
        var start = Local("2026-04-14 10:00");
        var now = Local("2026-04-14 12:30");
        var i = Assert.Single(Tracker.Derive(Service(), new CheckHistoryIndex([new CheckStateInterval(Mail, HealthStatus.Critical, start, now, null)]), [], start.AddDays(-1), now, NoAcks));
        Assert.Null(i.RestoredAt);
        Assert.Equal("open", i.Status);
        Assert.Equal(start.AddMinutes(1).AddHours(3), i.NextUpdateDueAt);
        Assert.False(i.RestoreBreached);
    }

    [Fact]
    public void Derive_FlapBackUpShorterThanRestoreDebounce_StaysOneIncident()
    {
        var s = Local("2026-04-14 10:00");
        var list = Derive("critical", Local("2026-04-15 12:00"), null,
            (HealthStatus.Critical, s, s.AddMinutes(5)),
            (HealthStatus.Critical, s.AddMinutes(5).AddSeconds(30), s.AddMinutes(20)));
        var i = Assert.Single(list);
        Assert.Equal(s.AddMinutes(20), i.RestoredAt);
    }

    [Fact]
    public void Derive_TwoOutagesApart_TwoIncidents() =>
        Assert.Equal(2, Derive("critical", Local("2026-04-15 12:00"), null,
            (HealthStatus.Critical, Local("2026-04-14 10:00"), Local("2026-04-14 11:00")),
            (HealthStatus.Critical, Local("2026-04-14 15:00"), Local("2026-04-14 16:00"))).Count);

    [Fact]
    public void Derive_DownInsideMaintenance_OpensNothing()
    {
        var s = Local("2026-04-14 10:00");
        var now = Local("2026-04-15 12:00");
        var window = new MaintenanceWindow("w", s.AddMinutes(-5), s.AddHours(2), ["mail"], "Mise à jour", s.AddDays(-2), null);
        var history = new CheckHistoryIndex(History(Mail, now.AddDays(-10), now, (HealthStatus.Critical, s, s.AddHours(1))));
        Assert.Empty(Tracker.Derive(Service(), history, [window], now.AddDays(-7), now, NoAcks));
    }

    [Fact]
    public void DeriveAll_Catalog_NewestFirstAcrossServices()
    {
        var now = Local("2026-04-15 12:00");
        var catalog = new CatalogOptions { Services = [Service("mail", "critical", Mail), Service("wiki", "important", Wiki)] };
        var history = History(Mail, now.AddDays(-10), now, (HealthStatus.Critical, Local("2026-04-14 10:00"), Local("2026-04-14 11:00")));
        history.AddRange(History(Wiki, now.AddDays(-10), now, (HealthStatus.Critical, Local("2026-04-14 15:00"), Local("2026-04-14 16:00"))));
        var all = Tracker.DeriveAll(catalog, new CheckHistoryIndex(history), [], now.AddDays(-7), now, NoAcks);
        Assert.Equal(["wiki", "mail"], all.Select(i => i.ServiceId));
        Assert.Equal([Priority.P2, Priority.P1], all.Select(i => i.Priority));
    }
}
