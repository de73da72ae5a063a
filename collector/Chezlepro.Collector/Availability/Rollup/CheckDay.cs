namespace Chezlepro.Collector.Availability.Rollup;

/// <summary>
/// One check over one Toronto day [<paramref name="Start"/>, <paramref name="End"/>) as its stored intervals say it
/// (each interval running to the next one's start, as the timeline reads them): the time it reported ok or warning,
/// critical, unknown; the rest of the day it has no interval (no data). <paramref name="MaxTail"/> is the longest time
/// from an interval's last result to the end of its part of the day: the check is stale somewhere in the day exactly
/// when that exceeds the service's staleness limit (a silence inside an interval is never longer than any limit:
/// <see cref="Storage.Folding.CheckFold.MaxGap"/>).
/// </summary>
public readonly record struct CheckDay(DateTimeOffset Start, DateTimeOffset End, TimeSpan Ok, TimeSpan Critical, TimeSpan Unknown, TimeSpan MaxTail)
{
    /// <summary>The day's real length (23 h, 24 h or 25 h).</summary>
    public TimeSpan Length => End - Start;

    /// <summary>Reported ok or warning all day and never stale under <paramref name="stalenessLimit"/>: up all day.</summary>
    public bool IsCleanFor(TimeSpan stalenessLimit) => Ok == Length && MaxTail <= stalenessLimit;

    /// <summary>Never stale under <paramref name="stalenessLimit"/>: its condition is its status wherever it has an interval.</summary>
    public bool IsFreshFor(TimeSpan stalenessLimit) => MaxTail <= stalenessLimit;

    /// <summary>A day without any interval of the check.</summary>
    public static CheckDay NoData(DateTimeOffset start, DateTimeOffset end) => new(start, end, default, default, default, default);
}
