using System.Globalization;
using Chezlepro.Collector.Calendar;

namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>
/// Numbers, amounts, dates and durations as a client reads them. French (Québec): decimal comma, a no-break space
/// (U+00A0) between thousands and before <c>%</c> and <c>$</c> (<c>97,850 %</c>, <c>1 234,50 $</c>), dates
/// <c>15 octobre 2026, 12 h 00</c>. U+00A0 rather than ICU's narrow U+202F: every font has it and PDF text extraction
/// keeps it as a space, so what the client copies is what the JSON says. English: <c>97.850%</c>, <c>$1,234.50</c>.
/// Times are local to America/Toronto, the zone the month is measured in.
/// </summary>
public sealed class ReportFormat
{
    /// <summary>The no-break space of the French forms.</summary>
    public const char NoBreakSpace = '\u00a0';

    private static readonly ReportFormat FrenchFormat = new(ReportLanguage.French);
    private static readonly ReportFormat EnglishFormat = new(ReportLanguage.English);

    private readonly CultureInfo _culture;
    private readonly bool _french;

    private ReportFormat(ReportLanguage language)
    {
        _french = language == ReportLanguage.French;
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(_french ? "fr-CA" : "en-CA").Clone();
        // Fixed here rather than taken from ICU, whose separators change between versions (U+00A0, U+202F).
        culture.NumberFormat.NumberDecimalSeparator = _french ? "," : ".";
        culture.NumberFormat.NumberGroupSeparator = _french ? NoBreakSpace.ToString() : ",";
        _culture = CultureInfo.ReadOnly(culture);
    }

    /// <summary>The format of a language.</summary>
    public static ReportFormat For(ReportLanguage language) => language == ReportLanguage.French ? FrenchFormat : EnglishFormat;

    /// <summary>The culture behind the formats (month and day names).</summary>
    public CultureInfo Culture => _culture;

    /// <summary>A percentage with exactly <paramref name="decimals"/> decimals (no rounding beyond the value's own), or "—".</summary>
    public string Percent(decimal? value, int decimals = 3) =>
        value is not { } v ? "—" : Number(v, decimals) + (_french ? NoBreakSpace + "%" : "%");

    /// <summary>A percentage with up to three decimals, as objectives and rules are written (<c>99,5 %</c>).</summary>
    public string ShortPercent(decimal value) =>
        value.ToString("#,0.###", _culture) + (_french ? NoBreakSpace + "%" : "%");

    /// <summary>Points of availability (shortfall, tranche size) with up to three decimals.</summary>
    public string Points(decimal value) => value.ToString("#,0.0##", _culture);

    /// <summary>A number with grouping and a fixed number of decimals.</summary>
    public string Number(decimal value, int decimals) =>
        value.ToString(decimals <= 0 ? "#,0" : "#,0." + new string('0', decimals), _culture);

    /// <summary>An amount to the cent: <c>30,00 $</c> / <c>$30.00</c> for CAD, the ISO code after it otherwise.</summary>
    public string Money(decimal amount, string currency)
    {
        var n = amount.ToString("#,0.00", _culture);
        if (string.Equals(currency, "CAD", StringComparison.OrdinalIgnoreCase))
            return _french ? n + NoBreakSpace + "$" : "$" + n;
        return n + NoBreakSpace + currency;
    }

    /// <summary>A local (America/Toronto) date and time to the minute.</summary>
    public string DateTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, LocalTime.Toronto);
        return _french
            ? Day(local) + local.ToString(" MMMM yyyy, H' h 'mm", _culture)
            : local.ToString("MMMM d, yyyy, HH:mm", _culture);
    }

    /// <summary>A local date.</summary>
    public string Date(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, LocalTime.Toronto);
        return _french ? Day(local) + local.ToString(" MMMM yyyy", _culture) : local.ToString("MMMM d, yyyy", _culture);
    }

    // French writes the first day of a month as an ordinal: « le 1er octobre ».
    private string Day(DateTimeOffset local) => local.Day == 1 ? "1er" : local.Day.ToString(_culture);

    /// <summary>The month as a title: <c>octobre 2026</c> / <c>October 2026</c>.</summary>
    public string Month(MonthPeriod month) =>
        new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM yyyy", _culture);

    /// <summary>
    /// A duration to the second, largest units first, whole minutes without their seconds: <c>45 s</c>,
    /// <c>10 min</c>, <c>1 j 2 h 05 min 09 s</c> / <c>1 d 2 h 05 min 09 s</c>.
    /// </summary>
    public string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = span.Negate();
        var seconds = (long)Math.Floor(span.TotalSeconds);
        var d = seconds / 86_400;
        var h = seconds / 3_600 % 24;
        var m = seconds / 60 % 60;
        var s = seconds % 60;
        var parts = new List<string>();
        if (d > 0) parts.Add(Unit(d, _french ? "j" : "d", false));
        if (d > 0 || h > 0) parts.Add(Unit(h, "h", false));
        if (d > 0 || h > 0 || m > 0) parts.Add(Unit(m, "min", parts.Count > 0));
        if (s > 0 || parts.Count == 0) parts.Add(Unit(s, "s", parts.Count > 0));
        return string.Join(' ', parts);
    }

    private string Unit(long value, string unit, bool twoDigits) =>
        value.ToString(twoDigits ? "00" : "0", _culture) + NoBreakSpace + unit;

    /// <summary>Seconds as a duration (decimal seconds from the timeline).</summary>
    public string Duration(decimal seconds) => Duration(TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond)));
}
