namespace Chezlepro.Health.Ceph;

/// <summary>One entry of <c>health.checks</c>.</summary>
internal sealed record CephHealthCheck(string Code, string Severity, string Message, long? Count, bool Muted, List<string> Detail);
