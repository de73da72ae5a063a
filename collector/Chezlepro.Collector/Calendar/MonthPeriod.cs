using System.Globalization;

namespace Chezlepro.Collector.Calendar;

/// <summary>A calendar month ("yyyy-MM"), measured in a time zone (America/Toronto for every report).</summary>
public readonly record struct MonthPeriod
{
    /// <summary>Creates a month; throws when the month is outside 1–12 or the year outside 2000–9998.</summary>
    public MonthPeriod(int year, int month)
    {
        if (year is < 2000 or > 9998) throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be 2000–9998.");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be 1–12.");
        Year = year;
        Month = month;
    }

    /// <summary>Year.</summary>
    public int Year { get; }

    /// <summary>Month, 1–12.</summary>
    public int Month { get; }

    /// <summary>The next month.</summary>
    public MonthPeriod Next => Month == 12 ? new MonthPeriod(Year + 1, 1) : new MonthPeriod(Year, Month + 1);

    /// <summary>The previous month.</summary>
    public MonthPeriod Previous => Month == 1 ? new MonthPeriod(Year - 1, 12) : new MonthPeriod(Year, Month - 1);

    /// <summary>Local midnight of the first day, as an instant.</summary>
    public DateTimeOffset Start(TimeZoneInfo zone) => LocalTime.StartOfDay(new DateOnly(Year, Month, 1), zone);

    /// <summary>Local midnight of the first day of the next month (exclusive end), as an instant.</summary>
    public DateTimeOffset End(TimeZoneInfo zone) => Next.Start(zone);

    /// <summary>Real length of the month in the zone: DST months are an hour shorter or longer.</summary>
    public TimeSpan Length(TimeZoneInfo zone) => End(zone) - Start(zone);

    /// <summary>The month an instant falls in, in a zone.</summary>
    public static MonthPeriod Containing(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var d = LocalTime.DateOf(instant, zone);
        return new MonthPeriod(d.Year, d.Month);
    }

    /// <summary>Parses exactly "yyyy-MM".</summary>
    public static bool TryParse(string? text, out MonthPeriod month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y is < 2000 or > 9998 || m is < 1 or > 12) return false;
        month = new MonthPeriod(y, m);
        return true;
    }

    /// <summary>Parses exactly "yyyy-MM" or throws <see cref="FormatException"/> naming the text.</summary>
    public static MonthPeriod Parse(string text) =>
        TryParse(text, out var m) ? m : throw new FormatException($"Month '{text}' is not yyyy-MM.");

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
