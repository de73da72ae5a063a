namespace Chezlepro.Collector.Availability.Rollup;

/// <summary>
/// One check's summarised days (<see cref="CheckDayRollup.For"/>), resolved once per service: the walk over a year asks
/// for every day of every check, and a look-up by day start alone is cheaper than hashing the check's three names each time.
/// </summary>
internal readonly struct CheckDayLookup(Dictionary<DateTimeOffset, CheckDay>? kept, DateTimeOffset? first)
{
    /// <summary>The day [start, end); only for days ending at or before the roll-up's <see cref="CheckDayRollup.Until"/>.</summary>
    public CheckDay Day(DateTimeOffset start, DateTimeOffset end)
    {
        if (kept is not null && kept.TryGetValue(start, out var day)) return day;
        return first is { } f && start >= f ? new CheckDay(start, end, end - start, default, default, default) : CheckDay.NoData(start, end);
    }
}
