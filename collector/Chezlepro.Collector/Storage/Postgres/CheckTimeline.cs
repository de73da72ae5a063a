using Chezlepro.Collector.Storage.Folding;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// The stored intervals of one check that a batch's results can touch, held in memory while the batch folds its results
/// one by one (the rule is <see cref="CheckFold"/>'s, unchanged); what changed is then written in one round trip.
/// </summary>
internal sealed class CheckTimeline
{
    // Ids of rows not stored yet sort after every stored id, as the sequence would give them.
    private const long TempBase = long.MaxValue / 2;
    private readonly List<FoldInterval> _rows;
    private readonly HashSet<long> _deleted = [];
    private readonly HashSet<long> _changed = [];
    private long _next = TempBase;

    /// <summary>Starts from the stored rows: every row from the second-last one starting at or before the batch's oldest result.</summary>
    public CheckTimeline(IEnumerable<FoldInterval> stored)
    {
        _rows = [.. stored];
        Sort();
    }

    /// <summary>The last two intervals starting at or before <paramref name="ts"/> and the first starting after it, as the SQL of the per-result fold read them.</summary>
    public (FoldInterval? Previous, FoldInterval? InForce, FoldInterval? Next) Around(long ts)
    {
        var i = _rows.FindLastIndex(r => r.From <= ts);
        var inForce = i >= 0 ? _rows[i] : null;
        var previous = i >= 1 ? _rows[i - 1] : null;
        var next = i + 1 < _rows.Count ? _rows[i + 1] : null;
        return (previous, inForce, inForce is { To: null } ? null : next);
    }

    /// <summary>Applies a final plan to the rows in memory.</summary>
    public void Apply(FoldPlan plan)
    {
        foreach (var id in plan.Deletes)
        {
            _rows.RemoveAll(r => r.Id == id);
            _changed.Remove(id);
            if (id < TempBase) _deleted.Add(id);
        }
        foreach (var u in plan.Updates)
        {
            var at = _rows.FindIndex(r => r.Id == u.Id);
            _rows[at] = u;
            if (u.Id < TempBase) _changed.Add(u.Id);
        }
        foreach (var i in plan.Inserts) _rows.Add(i with { Id = _next++ });
        Sort();
    }

    /// <summary>Stored rows to delete.</summary>
    public IEnumerable<long> Deletes => _deleted;

    /// <summary>Stored rows to rewrite.</summary>
    public IEnumerable<FoldInterval> Updates => _rows.Where(r => _changed.Contains(r.Id));

    /// <summary>New rows (their ids are the store's to give).</summary>
    public IEnumerable<FoldInterval> Inserts => _rows.Where(r => r.Id >= TempBase);

    private void Sort() => _rows.Sort((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.Id.CompareTo(b.Id));
}
