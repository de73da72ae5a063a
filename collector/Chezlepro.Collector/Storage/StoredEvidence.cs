namespace Chezlepro.Collector.Storage;

/// <summary>One evidence record as a store keeps it (the journal in <c>Evidence/</c> gives it meaning and hashes).</summary>
/// <param name="Seq">Position in the chain, from 1.</param>
/// <param name="Kind">Record kind.</param>
/// <param name="AtMs">When the fact happened, Unix milliseconds.</param>
/// <param name="Client">The client it concerns, or null.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Audience">Every client that sees it, each between bars (<c>|acme|beta|</c>), empty for none.</param>
/// <param name="Data">The fact's fields as canonical JSON text.</param>
/// <param name="Prev">The previous record's hash.</param>
/// <param name="Hash">This record's hash.</param>
public sealed record StoredEvidence(long Seq, string Kind, long AtMs, string? Client, string Subject, string Audience, string Data, string Prev, string Hash);
