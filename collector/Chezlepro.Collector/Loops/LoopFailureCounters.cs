using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Chezlepro.Collector.Loops;

/// <summary>
/// The book of every running background loop, by loop name (<c>prune</c>, <c>failover</c>, …); thread-safe. It
/// counts failed rounds for <c>/metrics</c> (a contained failure is otherwise only a log line: the counter lets an
/// alert see a loop that keeps failing while the collector looks alive) and keeps each loop's last turn for the
/// systemd watchdog (a round that never returns is not a failure anyone would count).
/// </summary>
public sealed class LoopFailureCounters
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (TimeSpan Interval, DateTimeOffset At)> _turns = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes a running loop appear with 0 before its first failure, so a query sees the series (and its increase)
    /// from the start instead of a series that only exists once something went wrong.
    /// </summary>
    public void Track(string loop) => Box(loop);

    /// <summary>Counts one failed round of <paramref name="loop"/>.</summary>
    public void Count(string loop) => Interlocked.Increment(ref Box(loop).Value);

    /// <summary>Failed rounds of one loop so far (0 when none, or unknown).</summary>
    public long Get(string loop) => _failures.TryGetValue(loop, out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>Every tracked loop with its failures, ordered by name (stable output).</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Snapshot() =>
        _failures.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Interlocked.Read(ref p.Value.Value)))
            .ToList();

    /// <summary>Records that <paramref name="loop"/> (one round every <paramref name="interval"/>) turned at <paramref name="now"/>: a round began or ended.</summary>
    public void Turned(string loop, TimeSpan interval, DateTimeOffset now) => _turns[loop] = (interval, now);

    /// <summary>
    /// The loops whose last turn is older than max(2 × their interval, <paramref name="floor"/>) at
    /// <paramref name="now"/>, ordered by name: a round that has run that long is stuck (a lock never released, a
    /// call without a timeout), since a round that merely failed turns again at the next tick.
    /// </summary>
    public IReadOnlyList<string> Stuck(DateTimeOffset now, TimeSpan floor) =>
        _turns.Where(p => now - p.Value.At > TimeSpan.FromTicks(Math.Max(2 * p.Value.Interval.Ticks, floor.Ticks)))
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>When <paramref name="loop"/> last turned, or null when it never did.</summary>
    public DateTimeOffset? LastTurn(string loop) => _turns.TryGetValue(loop, out var turn) ? turn.At : null;

    /// <summary>How many loops have turned at least once.</summary>
    public int Turning => _turns.Count;

    private StrongBox<long> Box(string loop) => _failures.GetOrAdd(loop, static _ => new StrongBox<long>());
}
