using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Failover;

/// <summary>A decision as published, with the evidence the audit log keeps beside it.</summary>
/// <param name="Decision">The contract payload.</param>
/// <param name="Evidence">Why.</param>
public sealed record FailoverRecord(FailoverDecision Decision, FailoverEvidence Evidence);
