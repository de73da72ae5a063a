using System.Globalization;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Reports.ClientReport;

namespace Chezlepro.Collector.Cli;

/// <summary>
/// How values print: for people, French (<c>97,850 %</c>, <c>30,00 $</c>, the client report's <see cref="ReportFormat"/>)
/// or English, with local (America/Toronto) times to the minute; for scripts (<c>--tsv</c>), invariant numbers, UTC
/// RFC 3339 instants and snake_case column names.
/// </summary>
public sealed class CliFormat
{
    private readonly ReportFormat _report;

    /// <summary>Creates the format of one output mode.</summary>
    public CliFormat(bool tsv, bool french)
    {
        Tsv = tsv;
        French = french;
        _report = ReportFormat.For(french ? ReportLanguage.French : ReportLanguage.English);
    }

    /// <summary>Machine output.</summary>
    public bool Tsv { get; }

    /// <summary>French labels and numbers.</summary>
    public bool French { get; }

    /// <summary>A column name: the snake_case key for scripts, else the label in the reader's language.</summary>
    public string Label(string fr, string en, string key) => Tsv ? key : French ? fr : en;

    /// <summary>A sentence in the reader's language.</summary>
    public string Text(string fr, string en) => French ? fr : en;

    /// <summary>A percentage to three decimals; empty/«—» when unknown.</summary>
    public string Percent(decimal? value) =>
        Tsv ? value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "" : _report.Percent(value);

    /// <summary>An objective or rule percentage (<c>99,5 %</c>).</summary>
    public string ShortPercent(decimal value) =>
        Tsv ? value.ToString("0.###", CultureInfo.InvariantCulture) : _report.ShortPercent(value);

    /// <summary>Points of availability.</summary>
    public string Points(decimal value) => Tsv ? value.ToString("0.###", CultureInfo.InvariantCulture) : _report.Points(value);

    /// <summary>An amount: to the cent for scripts (currency in its own column), with its currency for people.</summary>
    public string Money(decimal amount, string currency) =>
        Tsv ? amount.ToString("0.00", CultureInfo.InvariantCulture) : _report.Money(amount, currency);

    /// <summary>A whole number.</summary>
    public string Integer(long value) => Tsv ? value.ToString(CultureInfo.InvariantCulture) : _report.Number(value, 0);

    /// <summary>An instant: UTC for scripts, local time to the minute for people; empty/«—» when absent.</summary>
    public string Instant(DateTimeOffset? instant)
    {
        if (instant is not { } t) return Tsv ? "" : "—";
        return Tsv
            ? t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
            : TimeZoneInfo.ConvertTime(t, LocalTime.Toronto).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A yes/no.</summary>
    public string Bool(bool value) => Tsv ? (value ? "true" : "false") : value ? Text("oui", "yes") : Text("non", "no");

    /// <summary>Free text on one line (a tab or line break would break a TSV row or the columns).</summary>
    public string Free(string? text) =>
        string.IsNullOrEmpty(text) ? (Tsv ? "" : "—") : text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
