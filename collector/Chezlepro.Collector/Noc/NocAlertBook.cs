using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// De-duplication and flap suppression of the NOC stream; pure and single-threaded (the publisher serialises).
/// <para>De-duplication: an alert is published only when its state, priority or text differs from what was last
/// published for its id; a clear for an id never raised is dropped, so the stream is raise/clear pairs.</para>
/// <para>Flap rule: a source whose state changed more than <see cref="FlapTransitions"/> times within
/// <see cref="FlapWindow"/> is flapping. It is then held raised (one raise is published, further raises and
/// clears are swallowed) until it has been quiet (no state change) for <see cref="FlapWindow"/>; then its real
/// state is published. Same spirit as Icinga's flap detection (separate set and clear) in mqtt-sla.md §5.5.</para>
/// </summary>
public sealed class NocAlertBook
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Creates a book.</summary>
    /// <param name="flapTransitions">State changes tolerated per window (default 4).</param>
    /// <param name="flapWindow">Window and quiet period (default 10 min).</param>
    public NocAlertBook(int flapTransitions = 4, TimeSpan? flapWindow = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(flapTransitions, 1);
        FlapTransitions = flapTransitions;
        FlapWindow = flapWindow ?? TimeSpan.FromMinutes(10);
    }

    /// <summary>State changes tolerated within <see cref="FlapWindow"/>.</summary>
    public int FlapTransitions { get; }

    /// <summary>Flap window, also the quiet period that ends a hold.</summary>
    public TimeSpan FlapWindow { get; }

    /// <summary>Offers what a source says now; returns what to publish (empty, or one alert).</summary>
    public IReadOnlyList<NocAlert> Offer(NocAlert candidate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!_entries.TryGetValue(candidate.Id, out var e))
        {
            if (candidate.State == AlertState.Cleared) return [];
            e = new Entry(candidate);
            _entries[candidate.Id] = e;
            e.Transitions.Enqueue(now);
            e.LastChange = now;
            return Publish(e, candidate with { Ts = now });
        }
        if (candidate.State != e.Source.State)
        {
            e.Transitions.Enqueue(now);
            e.LastChange = now;
        }
        e.Source = candidate;
        while (e.Transitions.Count > 0 && now - e.Transitions.Peek() > FlapWindow) e.Transitions.Dequeue();
        if (!e.Flapping && e.Transitions.Count > FlapTransitions) e.Flapping = true;
        if (e.Flapping)
        {
            // Held raised: publish a raise once if the last thing published was a clear.
            return e.Published.State == AlertState.Raised ? [] : Publish(e, candidate with { State = AlertState.Raised, Ts = now });
        }
        return Differs(e.Published, candidate) ? Publish(e, candidate with { Ts = now }) : [];
    }

    /// <summary>Ends the holds of sources quiet for a whole window; returns what to publish.</summary>
    public IReadOnlyList<NocAlert> Tick(DateTimeOffset now)
    {
        var output = new List<NocAlert>();
        foreach (var e in _entries.Values)
        {
            if (!e.Flapping || now - e.LastChange < FlapWindow) continue;
            e.Flapping = false;
            e.Transitions.Clear();
            if (Differs(e.Published, e.Source)) output.AddRange(Publish(e, e.Source with { Ts = now }));
        }
        return output;
    }

    /// <summary>What was last published per id, filtered by state (null: every state).</summary>
    public IReadOnlyList<NocAlertView> Views(AlertState? state) => _entries.Values
        .Where(e => state is null || e.Published.State == state)
        .OrderByDescending(e => e.Published.Ts)
        .Select(e => new NocAlertView(e.Published.Id, Name(e.Published.State), e.Published.Priority, e.Published.Site, e.Published.Node,
            e.Published.Summary, e.Published.SummaryEn, e.Published.Ts, e.Flapping, Name(e.Source.State)))
        .ToList();

    private static string Name(AlertState s) => s == AlertState.Raised ? "raised" : "cleared";

    private static bool Differs(NocAlert a, NocAlert b) =>
        a.State != b.State || a.Priority != b.Priority || a.Summary != b.Summary || a.SummaryEn != b.SummaryEn;

    private static IReadOnlyList<NocAlert> Publish(Entry e, NocAlert alert)
    {
        e.Published = alert;
        return [alert];
    }

    private sealed class Entry(NocAlert first)
    {
        public NocAlert Source { get; set; } = first;

        public NocAlert Published { get; set; } = first;

        public Queue<DateTimeOffset> Transitions { get; } = new();

        public DateTimeOffset LastChange { get; set; }

        public bool Flapping { get; set; }
    }
}
