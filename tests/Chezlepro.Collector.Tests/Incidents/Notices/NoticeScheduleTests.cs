using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Incidents.Notices;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Xunit;

namespace Chezlepro.Collector.Tests.Incidents.Notices;

/// <summary>The notice timers on the fake clock: P1 first/hourly, P2 daily across DST, post-mortem in business days, 72 h breach.</summary>
public sealed class NoticeScheduleTests
{
    private static readonly IncidentPolicy Policy = new();

    // Québec: Fête nationale (Wednesday 2026-06-24) among the holidays.
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Toronto([new DateOnly(2026, 6, 24), new DateOnly(2026, 7, 1)]);

    [Fact]
    public void P1_FirstWithin30Min_ThenHourlyFromTheLastNotice_LateWhenMissed()
    {
        var detected = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(detected);
        var incident = Make(Priority.P1, detected);
        var notices = new List<IncidentNotice>();

        var i = Apply(incident, notices, clock);
        Assert.Equal(detected.AddMinutes(30), i.NoticeDueAt);
        Assert.Equal(NoticeTypes.First, i.NoticeDueType);
        Assert.False(i.NoticeLate);

        clock.Advance(TimeSpan.FromMinutes(31));
        i = Apply(incident, notices, clock);
        Assert.True(i.NoticeLate);
        Assert.Equal([NoticeTypes.First], i.LateNotices);

        notices.Add(Notice(incident, NoticeTypes.First, clock.GetUtcNow()));
        i = Apply(incident, notices, clock);
        Assert.False(i.NoticeLate);
        Assert.Equal(NoticeTypes.Update, i.NoticeDueType);
        Assert.Equal(detected.AddMinutes(91), i.NoticeDueAt);
        Assert.Equal(i.NoticeDueAt, i.NextUpdateDueAt);

        // Each update restarts the 60 min; one minute past it is late.
        clock.Advance(TimeSpan.FromMinutes(50));
        notices.Add(Notice(incident, NoticeTypes.Update, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(60));
        Assert.False(Apply(incident, notices, clock).NoticeLate);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(Apply(incident, notices, clock).NoticeLate);
    }

    [Fact]
    public void P1_Restored_ResolutionWithinTheHour_PostmortemDue_UpdatesNoLongerOwed()
    {
        var detected = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);
        var restored = detected.AddHours(2);
        var clock = new FakeTimeProvider(restored.AddMinutes(10));
        var incident = Make(Priority.P1, detected) with { RestoredAt = restored };

        var i = Apply(incident, [], clock);
        Assert.Equal(NoticeTypes.Resolution, i.NoticeDueType);
        Assert.Equal(restored.AddHours(1), i.NoticeDueAt);
        Assert.Null(i.NextUpdateDueAt);
        Assert.False(i.NoticeLate);
        // Restored Tuesday 11:00 EST → five business days: the next Tuesday 11:00 EST.
        Assert.Equal(restored.AddDays(7), i.PostmortemDueAt);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([NoticeTypes.Resolution], Apply(incident, [], clock).LateNotices);
        var resolved = Apply(incident, [Notice(incident, NoticeTypes.Resolution, clock.GetUtcNow())], clock);
        Assert.False(resolved.NoticeLate);
        Assert.Equal(NoticeTypes.Postmortem, resolved.NoticeDueType);
    }

    [Fact]
    public void P2_Daily_IsTheSameTorontoTimeTheNextDay_23hAcrossSpringForward_25hAcrossFallBack()
    {
        // Saturday 2026-03-07 10:00 EST; clocks go forward on Sunday 2026-03-08 at 02:00.
        var detected = new DateTimeOffset(2026, 3, 7, 15, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(detected);
        var incident = Make(Priority.P2, detected);
        var i = Apply(incident, [], clock);
        Assert.Equal(NoticeTypes.First, i.NoticeDueType);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 10, 0, 0, TimeSpan.FromHours(-4)), i.NoticeDueAt);
        Assert.Equal(TimeSpan.FromHours(23), i.NoticeDueAt!.Value - detected);

        clock.Advance(TimeSpan.FromHours(23));
        Assert.False(Apply(incident, [], clock).NoticeLate);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(Apply(incident, [], clock).NoticeLate);

        // An update sent Saturday 2026-10-31 10:00 EDT: the next is due Sunday 10:00 EST, 25 h later.
        var sent = new DateTimeOffset(2026, 10, 31, 14, 0, 0, TimeSpan.Zero);
        var autumn = Make(Priority.P2, sent.AddDays(-2));
        var later = new FakeTimeProvider(sent.AddHours(24.5));
        var u = Apply(autumn, [Notice(autumn, NoticeTypes.Update, sent)], later);
        Assert.Equal(TimeSpan.FromHours(25), u.NoticeDueAt!.Value - sent);
        Assert.False(u.NoticeLate);
    }

    [Fact]
    public void Postmortem_FiveBusinessDays_SkipsTheWeekendAndTheHoliday()
    {
        // Thursday 2026-06-18 15:00 EDT: Fri 19, Mon 22, Tue 23, (Wed 24 Fête nationale), Thu 25, Fri 26 → Fri 26 15:00.
        var restored = new DateTimeOffset(2026, 6, 18, 19, 0, 0, TimeSpan.Zero);
        var incident = Make(Priority.P2, restored.AddHours(-3)) with { RestoredAt = restored };
        var clock = new FakeTimeProvider(restored);
        var resolution = Notice(incident, NoticeTypes.Resolution, restored.AddMinutes(5));

        var i = Apply(incident, [resolution], clock);
        Assert.Equal(new DateTimeOffset(2026, 6, 26, 15, 0, 0, TimeSpan.FromHours(-4)), i.PostmortemDueAt);
        Assert.Equal(NoticeTypes.Postmortem, i.NoticeDueType);

        clock.SetUtcNow(i.PostmortemDueAt!.Value);
        Assert.False(Apply(incident, [resolution], clock).NoticeLate);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([NoticeTypes.Postmortem], Apply(incident, [resolution], clock).LateNotices);
        var delivered = Apply(incident, [resolution, Notice(incident, NoticeTypes.Postmortem, clock.GetUtcNow())], clock);
        Assert.False(delivered.NoticeLate);
        Assert.Null(delivered.NoticeDueAt);
    }

    [Fact]
    public void Breach_NoticeDue72hAfterTheDeclaration_EvenForP3()
    {
        var detected = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);
        var incident = Make(Priority.P3, detected);
        var clock = new FakeTimeProvider(detected.AddHours(5));
        Assert.Null(Apply(incident, [], clock).NoticeDueAt);

        var declared = Notice(incident, NoticeTypes.BreachDeclared, detected.AddHours(4));
        var i = Apply(incident, [declared], clock);
        Assert.Equal(detected.AddHours(76), i.BreachNoticeDueAt);
        Assert.Equal(NoticeTypes.Breach, i.NoticeDueType);
        Assert.Equal(0, i.NoticesSent);

        clock.SetUtcNow(detected.AddHours(76));
        Assert.False(Apply(incident, [declared], clock).NoticeLate);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([NoticeTypes.Breach], Apply(incident, [declared], clock).LateNotices);
        Assert.False(Apply(incident, [declared, Notice(incident, NoticeTypes.Breach, clock.GetUtcNow())], clock).NoticeLate);
    }

    [Fact]
    public void P3_OwesNothing_NoticesOfAnotherIncidentIgnored()
    {
        var detected = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(detected.AddDays(30));
        var p3 = Apply(Make(Priority.P3, detected) with { RestoredAt = detected.AddHours(1) }, [], clock);
        Assert.Null(p3.NoticeDueAt);
        Assert.False(p3.NoticeLate);
        Assert.Null(p3.PostmortemDueAt);

        var p1 = Make(Priority.P1, detected);
        var other = Notice(p1, NoticeTypes.First, detected.AddMinutes(5)) with { IncidentId = "other-20261103T135900Z" };
        Assert.Equal(NoticeTypes.First, Apply(p1, [other], clock).NoticeDueType);
    }

    [Theory]
    [InlineData(60, 60)]
    [InlineData(1440, 1380)]
    public void Next_WholeDaysAreCalendarDays_OtherIntervalsElapsedTime(int everyMinutes, int expectedMinutes)
    {
        var from = new DateTimeOffset(2026, 3, 7, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(from.AddMinutes(expectedMinutes), NoticeSchedule.Next(from, TimeSpan.FromMinutes(everyMinutes), LocalTime.Toronto));
    }

    private static Incident Apply(Incident incident, IReadOnlyList<IncidentNotice> notices, TimeProvider clock) =>
        NoticeSchedule.Apply(incident, notices, Policy, Calendar, clock.GetUtcNow());

    private static IncidentNotice Notice(Incident incident, string type, DateTimeOffset at) =>
        new(0, incident.Id, type, "email", at, null, "Alice", at);

    internal static Incident Make(Priority priority, DateTimeOffset detected) => new()
    {
        Id = "svc-" + detected.UtcDateTime.AddMinutes(-1).ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ServiceId = "svc",
        Priority = priority,
        StartedAt = detected.AddMinutes(-1),
        DetectedAt = detected,
        AcknowledgeDueAt = detected.AddMinutes(30),
        RestoreDueAt = detected.AddHours(4),
        ClientNoticeDueAt = priority == Priority.P1 ? detected.AddMinutes(30) : null,
        AcknowledgeBreached = false,
        RestoreBreached = false,
    };
}
