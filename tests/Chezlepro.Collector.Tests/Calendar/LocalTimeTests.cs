using Xunit;
using Chezlepro.Collector.Calendar;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Calendar;

public class LocalTimeTests
{
    [Fact]
    public void ToInstant_TimeSkippedBySpringForward_MovesForwardByTheGap() =>
        Assert.Equal(T("2026-03-08T07:30:00Z"), LocalTime.ToInstant(new DateTime(2026, 3, 8, 2, 30, 0), LocalTime.Toronto));

    [Fact]
    public void ToInstant_TimeRepeatedByFallBack_TakesTheFirstOccurrence() =>
        Assert.Equal(T("2026-11-01T05:30:00Z"), LocalTime.ToInstant(new DateTime(2026, 11, 1, 1, 30, 0), LocalTime.Toronto));

    [Fact]
    public void DateOf_UtcEarlyMorning_IsPreviousLocalDay() =>
        Assert.Equal(new DateOnly(2026, 4, 30), LocalTime.DateOf(T("2026-05-01T03:59:59Z"), LocalTime.Toronto));
}
