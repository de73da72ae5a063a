using Xunit;
using Chezlepro.Collector.Calendar;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Calendar;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Toronto([new DateOnly(2026, 5, 18)]); // Journée nationale des patriotes

    [Fact]
    public void AddBusinessTime_WithinTheDay_AddsPlainly() =>
        Assert.Equal(Local("2026-04-14 12:00"), Cal.AddBusinessTime(Local("2026-04-14 10:00"), TimeSpan.FromHours(2)));

    [Fact]
    public void AddBusinessTime_PastClosing_ContinuesNextMorning() =>
        Assert.Equal(Local("2026-04-15 10:00"), Cal.AddBusinessTime(Local("2026-04-14 16:00"), TimeSpan.FromHours(2)));

    [Fact]
    public void AddBusinessTime_FridayAfternoon_SkipsTheWeekend() =>
        Assert.Equal(Local("2026-04-20 16:00"), Cal.AddBusinessTime(Local("2026-04-17 16:00"), TimeSpan.FromHours(8)));

    [Fact]
    public void AddBusinessTime_AtNight_StartsAtOpening() =>
        Assert.Equal(Local("2026-04-15 11:00"), Cal.AddBusinessTime(Local("2026-04-14 23:00"), TimeSpan.FromHours(2)));

    [Fact]
    public void AddBusinessTime_ExactlyToClosing_EndsAtClosing() =>
        Assert.Equal(Local("2026-04-14 17:00"), Cal.AddBusinessTime(Local("2026-04-14 15:00"), TimeSpan.FromHours(2)));

    [Fact]
    public void AddBusinessTime_OverAHoliday_SkipsIt() =>
        Assert.Equal(Local("2026-05-19 10:00"), Cal.AddBusinessTime(Local("2026-05-15 16:00"), TimeSpan.FromHours(2)));

    [Fact]
    public void AddBusinessTime_AcrossSpringForwardWeekend_KeepsWallClockHours()
    {
        var due = Cal.AddBusinessTime(Local("2026-03-06 16:00"), TimeSpan.FromHours(2));
        Assert.Equal(Local("2026-03-09 10:00"), due);
        Assert.Equal(T("2026-03-09T14:00:00Z"), due); // EDT, not EST
    }

    [Fact]
    public void AddBusinessDays_FromSaturday_IsMondayClosing() =>
        Assert.Equal(Local("2026-04-20 17:00"), Cal.AddBusinessDays(Local("2026-04-18 10:00"), 1));

    [Fact]
    public void AddBusinessDays_Three_FromTuesdayAfternoon_IsFridayAfternoon() =>
        Assert.Equal(Local("2026-04-17 15:00"), Cal.AddBusinessDays(Local("2026-04-14 15:00"), 3));

    [Fact]
    public void AddBusinessTime_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddBusinessTime(Local("2026-04-14 10:00"), TimeSpan.FromHours(-1)));

    [Fact]
    public void BusinessTimeBetween_FridayToMonday_CountsOnlyOpenHours() =>
        Assert.Equal(TimeSpan.FromHours(2), Cal.BusinessTimeBetween(Local("2026-04-17 16:00"), Local("2026-04-20 10:00")));

    [Fact]
    public void BusinessTimeBetween_IsInverseOfAdd()
    {
        var start = Local("2026-03-05 13:17");
        var due = Cal.AddBusinessTime(start, TimeSpan.FromHours(19.5));
        Assert.Equal(TimeSpan.FromHours(19.5), Cal.BusinessTimeBetween(start, due));
    }

    [Theory]
    [InlineData("2026-04-14 08:59", false)]
    [InlineData("2026-04-14 09:00", true)]
    [InlineData("2026-04-14 16:59", true)]
    [InlineData("2026-04-14 17:00", false)]
    [InlineData("2026-04-18 12:00", false)]
    [InlineData("2026-05-18 12:00", false)]
    public void IsBusinessTime_Instant_FollowsHoursWeekendsAndHolidays(string local, bool expected) =>
        Assert.Equal(expected, Cal.IsBusinessTime(Local(local)));
}
