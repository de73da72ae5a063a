namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>A node's delivery detail (the delivery endpoint).</summary>
/// <param name="Site">Site.</param>
/// <param name="Node">Node.</param>
/// <param name="Watermark">Every seq at or below it is stored, rejected or declared evicted.</param>
/// <param name="LastReceivedSeq">Highest seq received (stored, rejected or named by a notice).</param>
/// <param name="LastReceivedAt">When the node's last batch was received.</param>
/// <param name="Missing">Evicted runs (explained) and holes above the watermark (unexplained), ascending.</param>
/// <param name="RejectedCount">Seqs recorded as rejected (within the retention).</param>
/// <param name="LastRejected">The most recent of them, newest first.</param>
public sealed record NodeDelivery(string Site, string Node, long Watermark, long LastReceivedSeq, DateTimeOffset? LastReceivedAt,
    IReadOnlyList<MissingRange> Missing, long RejectedCount, IReadOnlyList<RejectedView> LastRejected);
