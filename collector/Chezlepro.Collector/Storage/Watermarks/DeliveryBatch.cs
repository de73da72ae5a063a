using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>Collects, per node, what a batch received, so each store advances every touched node once per transaction.</summary>
public sealed class DeliveryBatch
{
    private readonly SortedDictionary<(string Site, string Node), NodeBatch> _nodes = new();
    private readonly DateTimeOffset _receivedAt;

    /// <summary>Creates an empty collection for a batch received at <paramref name="receivedAt"/>.</summary>
    public DeliveryBatch(DateTimeOffset receivedAt) => _receivedAt = receivedAt;

    /// <summary>
    /// Touched nodes in (site, node) ordinal order: several collectors on one PostgreSQL lock the nodes' delivery rows in
    /// this order, so two batches naming the same nodes cannot deadlock.
    /// </summary>
    public IEnumerable<NodeBatch> Nodes => _nodes.Values;

    /// <summary>Adds one ingest item (anything without a seq, a status, is not an outbox message and is skipped).</summary>
    public void Add(IngestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        switch (item.Payload)
        {
            case RejectedSeq r:
                var part = For(r.Site, r.Node);
                part.Seqs.Add(r.Seq);
                part.Rejected.Add(r);
                break;
            case GapsNotice g:
                var gaps = For(g.Site, g.Node);
                gaps.Seqs.Add(g.Seq);
                foreach (var run in g.Evicted.Ranges ?? [new SeqSpan(g.Evicted.From, g.Evicted.To)])
                    gaps.Evicted.Add(new EvictedRun(run.From, run.To, g.Evicted.Reason, g.Seq, _receivedAt));
                break;
            case AgentMessage m:
                For(m.Site, m.Node).Seqs.Add(m.Seq);
                break;
        }
    }

    private NodeBatch For(string site, string node)
    {
        if (!_nodes.TryGetValue((site, node), out var part)) _nodes[(site, node)] = part = new NodeBatch(site, node);
        return part;
    }
}
