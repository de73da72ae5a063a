using System.Text.Json.Nodes;

namespace Chezlepro.Collector.Evidence;

/// <summary>A fact to append to the evidence journal, before the journal gives it a place in the chain.</summary>
/// <param name="Kind">One of <see cref="EvidenceKinds"/>.</param>
/// <param name="At">When the fact happened (not when it was appended).</param>
/// <param name="Client">The client the fact concerns (a <c>Catalog:Contracts[].Client</c>), or null for the provider as a whole.</param>
/// <param name="Subject">What it is about: an incident id, a service, a guest, a node (<c>site/node</c>), a month, a group.</param>
/// <param name="Data">The fact's own fields; plain JSON values only, so the canonical form is well defined.</param>
public sealed record EvidenceEntry(string Kind, DateTimeOffset At, string? Client, string Subject, JsonObject Data);
