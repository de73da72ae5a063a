using Chezlepro.Collector.Calendar;

namespace Chezlepro.Collector.Availability.Rollup;

/// <summary>Calendar days in America/Toronto, the unit of the roll-up (a day is 23, 24 or 25 hours long).</summary>
public static class TorontoDays
{
    /// <summary>Start of the Toronto day containing <paramref name="instant"/>.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset instant) => LocalTime.StartOfDay(LocalTime.DateOf(instant, LocalTime.Toronto), LocalTime.Toronto);

    /// <summary>Start of the Toronto day after the one starting at <paramref name="dayStart"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset dayStart) =>
        LocalTime.StartOfDay(LocalTime.DateOf(dayStart, LocalTime.Toronto).AddDays(1), LocalTime.Toronto);

    /// <summary>Starts of the days in [<paramref name="from"/>, <paramref name="to"/>), both day starts, plus <paramref name="to"/>.</summary>
    public static List<DateTimeOffset> Boundaries(DateTimeOffset from, DateTimeOffset to)
    {
        var list = new List<DateTimeOffset> { from };
        for (var d = from; d < to;)
        {
            d = Next(d);
            list.Add(d);
        }

        return list;
    }
}
