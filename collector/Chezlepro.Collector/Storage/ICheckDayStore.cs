using Chezlepro.Collector.Availability.Rollup;
using Chezlepro.Collector.Storage.Rollup;

namespace Chezlepro.Collector.Storage;

/// <summary>
/// The per-check Toronto-day roll-up of the state intervals (Storage/README.md, "Roll-up"), implemented by both
/// <see cref="ICollectorStore"/>s: long-range availability reads day rows for whole quiet days and raw intervals only
/// for the rest. A change to a check's intervals (ingest, late data, rebuild-intervals) marks its days from the change
/// on for recomputation (a trigger on <c>check_states</c>); the next read recomputes them before it reads.
/// </summary>
public interface ICheckDayStore
{
    /// <summary>
    /// Brings the roll-up up to the start of <paramref name="now"/>'s Toronto day (recomputing the days marked, then
    /// summarising the days since the last time), then reads it for the days overlapping [<paramref name="from"/>,
    /// <paramref name="to"/>).
    /// </summary>
    Task<CheckDayRollup> GetCheckDaysAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The state intervals of each range's check overlapping that range (a row once, whatever ranges it overlaps).</summary>
    Task<IReadOnlyList<CheckIntervalRow>> GetCheckIntervalsAsync(IReadOnlyList<CheckRange> ranges, CancellationToken cancellationToken);
}
