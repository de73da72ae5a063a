using Chezlepro.Collector.Storage.Folding;
using Chezlepro.Collector.Storage.Watermarks;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>What the first round trip of a batch read back: the rules then run on it in memory.</summary>
internal sealed class BatchRead
{
    /// <summary>Session and online flag of every node of the batch (session -1: a node known by this batch's status only).</summary>
    public Dictionary<(string, string), (long Session, bool Online)> Sessions { get; } = [];

    /// <summary>Messages the insert stored (the others were duplicates).</summary>
    public List<(string, string, long)> Inserted { get; } = [];

    /// <summary>Stored intervals a check's new results can touch.</summary>
    public Dictionary<(string Site, string Node, string Check), List<FoldInterval>> Intervals { get; } = [];

    /// <summary>Watermark of each node of the batch, read under its row lock.</summary>
    public Dictionary<(string, string), long> Watermarks { get; } = [];

    /// <summary>Evicted runs reaching above each node's watermark (the batch's own included).</summary>
    public Dictionary<(string, string), List<EvictedRun>> Evicted { get; } = [];

    /// <summary>The first pending seqs above each node's watermark, ascending.</summary>
    public Dictionary<(string, string), List<long>> Pending { get; } = [];

    /// <summary>Adds a stored interval of a check.</summary>
    public void Interval((string, string, string) check, FoldInterval row) => ListOf(Intervals, check).Add(row);

    /// <summary>The list under <paramref name="key"/>, created empty when absent.</summary>
    public static List<TValue> ListOf<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        return list;
    }
}
