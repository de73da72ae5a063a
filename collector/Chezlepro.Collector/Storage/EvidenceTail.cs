namespace Chezlepro.Collector.Storage;

/// <summary>The end of the evidence chain: the last sequence number and its hash (kept apart, so pruning never loses it).</summary>
/// <param name="Seq">0 for an empty journal.</param>
/// <param name="Hash">The genesis value for an empty journal.</param>
public sealed record EvidenceTail(long Seq, string Hash);
