using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage.Formats;

/// <summary>One row of the failover audit log: the decision exactly as published, and its evidence.</summary>
/// <param name="Decision">The contract payload (versioned by its own <c>schema</c> field, contract.md).</param>
/// <param name="Evidence">Why, in the audit log's own stored format.</param>
public sealed record StoredFailoverRecord(FailoverDecision Decision, StoredFailoverEvidenceV1 Evidence);
