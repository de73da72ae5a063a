using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Reports.ClientReport;
using Xunit;

namespace Chezlepro.Collector.Tests.Reports.ClientReport;

/// <summary>French (Québec) and English numbers, amounts, dates and durations; French uses U+00A0, never U+202F.</summary>
public sealed class ReportFormatTests
{
    private const char Nbsp = '\u00a0';
    private static readonly ReportFormat Fr = ReportFormat.For(ReportLanguage.French);
    private static readonly ReportFormat En = ReportFormat.For(ReportLanguage.English);

    [Theory]
    [InlineData(97.85, 2, "97,85\u00a0%", "97.85%")]
    [InlineData(98.25, 3, "98,250\u00a0%", "98.250%")]
    [InlineData(100, 3, "100,000\u00a0%", "100.000%")]
    [InlineData(0.001, 3, "0,001\u00a0%", "0.001%")]
    public void Percent_FixedDecimals(decimal value, int decimals, string french, string english)
    {
        Assert.Equal(french, Fr.Percent(value, decimals));
        Assert.Equal(english, En.Percent(value, decimals));
    }

    [Fact]
    public void Percent_Null_IsADash() => Assert.Equal("—", Fr.Percent(null));

    [Theory]
    [InlineData(99.5, "99,5\u00a0%", "99.5%")]
    [InlineData(99.95, "99,95\u00a0%", "99.95%")]
    [InlineData(20, "20\u00a0%", "20%")]
    public void ShortPercent_TrailingZerosDropped(decimal value, string french, string english)
    {
        Assert.Equal(french, Fr.ShortPercent(value));
        Assert.Equal(english, En.ShortPercent(value));
    }

    [Theory]
    [InlineData(30, "CAD", "30,00\u00a0$", "$30.00")]
    [InlineData(1234.5, "CAD", "1\u00a0234,50\u00a0$", "$1,234.50")]
    [InlineData(22.5, "EUR", "22,50\u00a0EUR", "22.50\u00a0EUR")]
    public void Money_Cents_GroupedThousands(decimal amount, string currency, string french, string english)
    {
        Assert.Equal(french, Fr.Money(amount, currency));
        Assert.Equal(english, En.Money(amount, currency));
    }

    [Fact]
    public void French_NoNarrowNoBreakSpace_NoAsciiSpaceInsideANumber()
    {
        var all = Fr.Money(1_234_567.89m, "CAD") + Fr.Percent(12_345.5m) + Fr.Number(9_876_543m, 0);
        Assert.DoesNotContain('\u202f', all);
        Assert.Equal($"1{Nbsp}234{Nbsp}567,89{Nbsp}$", Fr.Money(1_234_567.89m, "CAD"));
        Assert.Equal($"9{Nbsp}876{Nbsp}543", Fr.Number(9_876_543m, 0));
    }

    [Fact]
    public void DateTime_TorontoLocal_BothSidesOfTheDstChange()
    {
        // 20 October 2026 12:00Z is 08:00 EDT; 20 November 13:05Z is 08:05 EST.
        Assert.Equal("20 octobre 2026, 8 h 00", Fr.DateTime(new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("October 20, 2026, 08:00", En.DateTime(new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("20 novembre 2026, 8 h 05", Fr.DateTime(new DateTimeOffset(2026, 11, 20, 13, 5, 0, TimeSpan.Zero)));
        // The first of the month is an ordinal in French.
        Assert.Equal("1er novembre 2026", Fr.Date(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero)));
        Assert.Equal("1er octobre 2026, 0 h 00", Fr.DateTime(new DateTimeOffset(2026, 10, 1, 4, 0, 0, TimeSpan.Zero)));
        Assert.Equal("November 1, 2026", En.Date(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Month_Title() => Assert.Equal(("octobre 2026", "October 2026"), (Fr.Month(new MonthPeriod(2026, 10)), En.Month(new MonthPeriod(2026, 10))));

    [Theory]
    [InlineData(0, "0\u00a0s", "0\u00a0s")]
    [InlineData(45, "45\u00a0s", "45\u00a0s")]
    [InlineData(600, "10\u00a0min", "10\u00a0min")]
    [InlineData(7_140, "1\u00a0h 59\u00a0min", "1\u00a0h 59\u00a0min")]
    [InlineData(7_200, "2\u00a0h 00\u00a0min", "2\u00a0h 00\u00a0min")]
    [InlineData(86_401, "1\u00a0j 0\u00a0h 00\u00a0min 01\u00a0s", "1\u00a0d 0\u00a0h 00\u00a0min 01\u00a0s")]
    [InlineData(93_784, "1\u00a0j 2\u00a0h 03\u00a0min 04\u00a0s", "1\u00a0d 2\u00a0h 03\u00a0min 04\u00a0s")]
    public void Duration_LargestUnitsFirst(int seconds, string french, string english)
    {
        Assert.Equal(french, Fr.Duration(TimeSpan.FromSeconds(seconds)));
        Assert.Equal(english, En.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Duration_DecimalSeconds_TruncatedToTheSecond() => Assert.Equal("1\u00a0min 01\u00a0s", Fr.Duration(61.9999m));
}
