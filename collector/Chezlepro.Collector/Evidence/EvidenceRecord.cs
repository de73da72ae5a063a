using System.Text.Json.Nodes;

namespace Chezlepro.Collector.Evidence;

/// <summary>One record of the evidence journal as stored: the entry, its place in the chain and its hashes.</summary>
/// <param name="Seq">Position in the chain, from 1, without gaps.</param>
/// <param name="Kind">One of <see cref="EvidenceKinds"/>.</param>
/// <param name="At">When the fact happened.</param>
/// <param name="Client">The client concerned, or null.</param>
/// <param name="Subject">What the record is about.</param>
/// <param name="Data">The fact's own fields.</param>
/// <param name="Prev">The previous record's <paramref name="Hash"/> (<c>sha256:</c> + 64 hex), or the genesis value for the first.</param>
/// <param name="Hash">SHA-256 of this record's canonical JSON (which includes <paramref name="Prev"/>), as <c>sha256:</c> + 64 hex.</param>
public sealed record EvidenceRecord(
    long Seq, string Kind, DateTimeOffset At, string? Client, string Subject, JsonObject Data, string Prev, string Hash);
