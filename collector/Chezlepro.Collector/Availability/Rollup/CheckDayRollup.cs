using Chezlepro.Collector.Catalog;

namespace Chezlepro.Collector.Availability.Rollup;

/// <summary>
/// The stored roll-up as a report reads it: every Toronto day ending at or before <see cref="Until"/> is summarised for
/// every check. Only days that are not clean are kept (<see cref="IsStored"/>); a day without a row is clean when it is
/// on or after the check's first day, and has no data before it (or when the check has never reported).
/// </summary>
public sealed class CheckDayRollup
{
    private readonly IReadOnlyDictionary<CheckKey, DateTimeOffset> firstDays;
    private readonly Dictionary<CheckKey, Dictionary<DateTimeOffset, CheckDay>> kept = [];
    private (DateTimeOffset From, DateTimeOffset End, List<DateTimeOffset> Starts)? walked;

    /// <summary>Wraps what the store read.</summary>
    /// <param name="until">Exclusive end of the summarised days (a day start); nothing is summarised after it.</param>
    /// <param name="firstDays">Per check, the start of its first summarised day with data.</param>
    /// <param name="days">The days kept (not clean), any checks, any order.</param>
    public CheckDayRollup(DateTimeOffset until, IReadOnlyDictionary<CheckKey, DateTimeOffset> firstDays, IEnumerable<(CheckKey Key, CheckDay Day)> days)
    {
        ArgumentNullException.ThrowIfNull(firstDays);
        ArgumentNullException.ThrowIfNull(days);
        Until = until;
        this.firstDays = firstDays;
        foreach (var (key, day) in days)
        {
            if (!kept.TryGetValue(key, out var byStart)) kept[key] = byStart = [];
            byStart[day.Start] = day;
        }
    }

    /// <summary>Exclusive end of the summarised days.</summary>
    public DateTimeOffset Until { get; }

    /// <summary>
    /// Whether a summarised day is kept as a row: every day that could be anything but "up all day" for some service.
    /// Clean at the smallest staleness limit a service may have means clean for every service.
    /// </summary>
    public static bool IsStored(CheckDay day) => !day.IsCleanFor(ServiceDefinition.MinimumStalenessLimit);

    /// <summary>The day [start, end) of a check; only for days ending at or before <see cref="Until"/>.</summary>
    public CheckDay Day(CheckKey key, DateTimeOffset start, DateTimeOffset end) => For(key).Day(start, end);

    /// <summary>The days of one check, to ask for many days.</summary>
    internal CheckDayLookup For(CheckKey key) => new(kept.GetValueOrDefault(key), firstDays.TryGetValue(key, out var first) ? first : null);

    /// <summary>
    /// Day starts from the day containing <paramref name="from"/> through the first at or after <paramref name="end"/>.
    /// Kept for the next call: every service of one read walks the same days, and each boundary is a time-zone conversion.
    /// </summary>
    internal List<DateTimeOffset> DayStarts(DateTimeOffset from, DateTimeOffset end)
    {
        if (walked is { } w && w.From == from && w.End == end) return w.Starts;
        var starts = new List<DateTimeOffset> { TorontoDays.StartOf(from) };
        while (starts[^1] < end) starts.Add(TorontoDays.Next(starts[^1]));
        walked = (from, end, starts);
        return starts;
    }
}
