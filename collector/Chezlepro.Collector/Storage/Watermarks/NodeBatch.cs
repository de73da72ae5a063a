namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>What one ingest batch tells about one node's delivery: the seqs it received and the runs its notices evicted.</summary>
public sealed class NodeBatch
{
    /// <summary>Creates an empty batch part for a node.</summary>
    public NodeBatch(string site, string node)
    {
        Site = site;
        Node = node;
    }

    /// <summary>Site.</summary>
    public string Site { get; }

    /// <summary>Node.</summary>
    public string Node { get; }

    /// <summary>Seqs received in the batch: stored (new or duplicate), rejected, and the notices' own seqs.</summary>
    public SortedSet<long> Seqs { get; } = [];

    /// <summary>Runs the batch's gaps notices declared evicted.</summary>
    public List<EvictedRun> Evicted { get; } = [];

    /// <summary>Rejected messages with a seq.</summary>
    public List<RejectedSeq> Rejected { get; } = [];

    /// <summary>Highest seq the batch names (received or evicted); 0 when none.</summary>
    public long MaxSeq => Math.Max(Seqs.Count == 0 ? 0 : Seqs.Max, Evicted.Count == 0 ? 0 : Evicted.Max(e => e.To));
}
