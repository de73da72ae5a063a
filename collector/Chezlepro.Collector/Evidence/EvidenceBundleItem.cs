namespace Chezlepro.Collector.Evidence;

/// <summary>One place of the chain in a bundle: a full record, or a stub (another client's record: its links only).</summary>
/// <param name="Seq">Sequence number.</param>
/// <param name="Prev">The previous record's hash.</param>
/// <param name="Hash">This record's hash.</param>
/// <param name="Record">The record, or null for a stub.</param>
public sealed record EvidenceBundleItem(long Seq, string Prev, string Hash, EvidenceRecord? Record);
