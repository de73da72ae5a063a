using Xunit;
using Chezlepro.Collector.Calendar;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Calendar;

public class MonthPeriodTests
{
    private static readonly TimeZoneInfo Zone = LocalTime.Toronto;

    [Fact]
    public void Start_April_IsLocalMidnightInDaylightTime() =>
        Assert.Equal(T("2026-04-01T04:00:00Z"), MonthPeriod.Parse("2026-04").Start(Zone));

    [Fact]
    public void Start_January_IsLocalMidnightInStandardTime() =>
        Assert.Equal(T("2026-01-01T05:00:00Z"), MonthPeriod.Parse("2026-01").Start(Zone));

    [Fact]
    public void Length_March2026_LosesTheSpringForwardHour() =>
        Assert.Equal(TimeSpan.FromHours((31 * 24) - 1), MonthPeriod.Parse("2026-03").Length(Zone));

    [Fact]
    public void Length_November2026_GainsTheFallBackHour() =>
        Assert.Equal(TimeSpan.FromHours((30 * 24) + 1), MonthPeriod.Parse("2026-11").Length(Zone));

    [Fact]
    public void Next_December_RollsToJanuary() =>
        Assert.Equal(new MonthPeriod(2027, 1), new MonthPeriod(2026, 12).Next);

    [Fact]
    public void Containing_LastEveningOfAprilInToronto_IsAprilThoughUtcIsMay() =>
        Assert.Equal(new MonthPeriod(2026, 4), MonthPeriod.Containing(T("2026-05-01T02:00:00Z"), Zone));

    [Theory]
    [InlineData("2026-04", true)]
    [InlineData("2026-4", false)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("2026-04-01", false)]
    [InlineData("abcd-ef", false)]
    [InlineData("+026-04", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("1999-12", false)]
    public void TryParse_Text_AcceptsOnlyYyyyMm(string? text, bool ok) => Assert.Equal(ok, MonthPeriod.TryParse(text, out _));

    [Fact]
    public void Parse_Garbage_ThrowsFormatExceptionNamingTheText()
    {
        var ex = Assert.Throws<FormatException>(() => MonthPeriod.Parse("2026/04"));
        Assert.Contains("2026/04", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_RoundTrips() => Assert.Equal("2026-03", MonthPeriod.Parse("2026-03").ToString());
}
