using Chezlepro.Collector.Storage.Watermarks;

namespace Chezlepro.Collector.Storage;

/// <summary>
/// The delivery state of every node (issue #15): how far everything an agent sent is stored. The state is written by
/// <see cref="ICollectorStore.StoreBatchAsync"/> inside the batch's transaction (Watermarks/README.md gives the rules);
/// this interface only reads it.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>The watermark of every node that has one (0 for a node known only by its status).</summary>
    Task<IReadOnlyList<NodeWatermark>> GetWatermarksAsync(CancellationToken cancellationToken);

    /// <summary>One node's delivery detail, with at most <paramref name="lastRejected"/> recent rejected seqs; null for an unknown node.</summary>
    Task<NodeDelivery?> GetDeliveryAsync(string site, string node, int lastRejected, CancellationToken cancellationToken);

    /// <summary>Per node: watermark and missing counts (metrics and the NOC).</summary>
    Task<IReadOnlyList<DeliverySummary>> GetDeliverySummariesAsync(CancellationToken cancellationToken);

    /// <summary>Every recorded evicted run whose inferred capture-time span (<see cref="EvictedSpan.Infer"/>) overlaps [from, to).</summary>
    Task<IReadOnlyList<EvictedSpan>> GetEvictedSpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

}
