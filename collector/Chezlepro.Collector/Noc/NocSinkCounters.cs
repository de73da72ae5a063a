using System.Collections.Concurrent;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// Deliveries and failed deliveries of every NOC sink, by sink name, for <c>/metrics</c>
/// (<c>chezlepro_noc_sink_sent_total</c>, <c>chezlepro_noc_sink_failures_total</c>); thread-safe.
/// </summary>
public sealed class NocSinkCounters
{
    private readonly ConcurrentDictionary<string, long[]> _counts = new(StringComparer.Ordinal);

    /// <summary>Makes a configured sink appear with zeros before its first delivery.</summary>
    public void Track(string sink) => Counts(sink);

    /// <summary>Counts <paramref name="alerts"/> alerts delivered by <paramref name="sink"/> (re-sends included).</summary>
    public void Sent(string sink, int alerts) => Interlocked.Add(ref Counts(sink)[0], alerts);

    /// <summary>Counts one failed delivery attempt of <paramref name="sink"/> (after its own retries).</summary>
    public void Failed(string sink) => Interlocked.Increment(ref Counts(sink)[1]);

    /// <summary>Every tracked sink with its sent and failed counts, ordered by name.</summary>
    public IReadOnlyList<(string Sink, long Sent, long Failures)> Snapshot() =>
        _counts.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, Interlocked.Read(ref p.Value[0]), Interlocked.Read(ref p.Value[1])))
            .ToList();

    private long[] Counts(string sink) => _counts.GetOrAdd(sink, static _ => new long[2]);
}
