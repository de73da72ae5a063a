namespace Chezlepro.Collector.Evidence;

/// <summary>Where a chain or a bundle stops verifying.</summary>
/// <param name="Seq">The sequence number of the first record that breaks it (or the last one a truncated bundle has).</param>
/// <param name="Reason">What is wrong, naming the record.</param>
public sealed record EvidenceBreak(long Seq, string Reason);
