namespace Chezlepro.Collector.Maintenance;

/// <summary>What an operator POSTs to announce (or rewrite) a window.</summary>
public sealed record MaintenanceRequest(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Services, string Reason);
