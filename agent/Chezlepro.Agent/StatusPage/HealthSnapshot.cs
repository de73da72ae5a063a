using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.StatusPage;

/// <summary>One check on the status page.</summary>
/// <param name="Check">Check name.</param>
/// <param name="Status">Status.</param>
/// <param name="Summary">One line for humans.</param>
/// <param name="Ts">When the check ran.</param>
public sealed record HealthSnapshot(string Check, HealthStatus Status, string Summary, DateTimeOffset Ts);
