using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Chezlepro.Collector.Loops;

/// <summary>
/// Failed rounds of every background loop, by loop name (<c>prune</c>, <c>failover</c>, …), for <c>/metrics</c>;
/// thread-safe. A contained failure is otherwise only a log line: the counter lets an alert see a loop that keeps
/// failing while the collector looks alive.
/// </summary>
public sealed class LoopFailureCounters
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _failures = new(StringComparer.Ordinal);

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

    private StrongBox<long> Box(string loop) => _failures.GetOrAdd(loop, static _ => new StrongBox<long>());
}
