namespace Chezlepro.Collector.Availability;

/// <summary>
/// State intervals grouped per check and sorted by start, built once per report. Late data is handled by
/// rebuilding: the index holds whatever storage returned, so adding intervals recomputes everything they touch.
/// </summary>
public sealed class CheckHistoryIndex
{
    private static readonly IReadOnlyList<CheckStateInterval> Empty = [];
    private readonly Dictionary<CheckKey, List<CheckStateInterval>> byKey = [];

    /// <summary>Indexes intervals of any checks, in any order.</summary>
    public CheckHistoryIndex(IEnumerable<CheckStateInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        foreach (var i in intervals)
        {
            if (!byKey.TryGetValue(i.Key, out var list)) byKey[i.Key] = list = [];
            list.Add(i);
        }

        foreach (var list in byKey.Values) list.Sort(static (a, b) => a.From.CompareTo(b.From));
    }

    /// <summary>The intervals of a check, sorted by <see cref="CheckStateInterval.From"/>; empty when none.</summary>
    public IReadOnlyList<CheckStateInterval> For(CheckKey key) => byKey.TryGetValue(key, out var l) ? l : Empty;

    /// <summary>Checks present in the index.</summary>
    public IEnumerable<CheckKey> Keys => byKey.Keys;
}
