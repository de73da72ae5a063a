namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>A node's delivery in figures (metrics and the NOC).</summary>
/// <param name="Site">Site.</param>
/// <param name="Node">Node.</param>
/// <param name="Watermark">The watermark.</param>
/// <param name="ExplainedMissing">Seqs declared evicted (runs within the retention).</param>
/// <param name="UnexplainedMissing">Seqs in holes above the watermark.</param>
/// <param name="OldestUnexplainedSince">Since when the oldest hole is known; null when there is none.</param>
public sealed record DeliverySummary(string Site, string Node, long Watermark, long ExplainedMissing, long UnexplainedMissing,
    DateTimeOffset? OldestUnexplainedSince);
