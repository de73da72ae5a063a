namespace Chezlepro.Collector.Calendar;

/// <summary>
/// Business-hours arithmetic (service-levels.md, NOC annex): Monday to Friday, opening to closing time in the zone,
/// statutory holidays excluded. One business day is one full opening span (8 h for 9:00–17:00), so "restore within
/// 1 business day" from Tuesday 15:00 is Wednesday 15:00, and from Saturday is Monday 17:00.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> holidays;

    /// <summary>Creates a calendar.</summary>
    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<DateOnly> holidays, TimeOnly opens, TimeOnly closes)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (closes <= opens) throw new ArgumentException($"Closing time {closes} must follow opening time {opens}.", nameof(closes));
        Zone = zone;
        this.holidays = [.. holidays ?? []];
        Opens = opens;
        Closes = closes;
    }

    /// <summary>Mon–Fri 9:00–17:00 America/Toronto minus the given holidays.</summary>
    public static BusinessCalendar Toronto(IEnumerable<DateOnly> holidays) =>
        new(LocalTime.Toronto, holidays, new TimeOnly(9, 0), new TimeOnly(17, 0));

    /// <summary>Zone of the opening hours.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Opening time.</summary>
    public TimeOnly Opens { get; }

    /// <summary>Closing time.</summary>
    public TimeOnly Closes { get; }

    /// <summary>Length of one business day.</summary>
    public TimeSpan BusinessDayLength => Closes - Opens;

    /// <summary>Whether a local date is a working day.</summary>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);

    /// <summary>Whether an instant falls inside business hours.</summary>
    public bool IsBusinessTime(DateTimeOffset instant)
    {
        var d = LocalTime.DateOf(instant, Zone);
        if (!IsBusinessDay(d)) return false;
        var (open, close) = Span(d);
        return instant >= open && instant < close;
    }

    /// <summary>The instant when <paramref name="amount"/> of business time has elapsed after <paramref name="start"/>.</summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan amount)
    {
        if (amount < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(amount), amount, "Business time cannot be negative.");
        if (amount == TimeSpan.Zero) return start;
        var remaining = amount;
        var date = LocalTime.DateOf(start, Zone);
        // Ten years of days is far beyond any target; the bound only guards against a holiday list covering everything.
        for (var i = 0; i < 3660; i++, date = date.AddDays(1))
        {
            if (!IsBusinessDay(date)) continue;
            var (open, close) = Span(date);
            var from = start > open ? start : open;
            if (from >= close) continue;
            var available = close - from;
            if (remaining <= available) return from + remaining;
            remaining -= available;
        }

        throw new InvalidOperationException("No business time found within ten years; check the holiday list.");
    }

    /// <summary>Adds whole business days (each <see cref="BusinessDayLength"/> of business time).</summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days) =>
        days < 0 ? throw new ArgumentOutOfRangeException(nameof(days), days, "Days cannot be negative.")
                 : AddBusinessTime(start, BusinessDayLength * days);

    /// <summary>Business time elapsed between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from) return total;
        for (var date = LocalTime.DateOf(from, Zone); date <= LocalTime.DateOf(to, Zone); date = date.AddDays(1))
        {
            if (!IsBusinessDay(date)) continue;
            var (open, close) = Span(date);
            var s = from > open ? from : open;
            var e = to < close ? to : close;
            if (e > s) total += e - s;
        }

        return total;
    }

    private (DateTimeOffset Open, DateTimeOffset Close) Span(DateOnly date) =>
        (LocalTime.ToInstant(date.ToDateTime(Opens), Zone), LocalTime.ToInstant(date.ToDateTime(Closes), Zone));
}
