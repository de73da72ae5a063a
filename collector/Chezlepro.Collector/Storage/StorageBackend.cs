namespace Chezlepro.Collector.Storage;

/// <summary>Everything that differs between stores, created together by one home (<c>Storage/Sqlite</c>, <c>Storage/Postgres</c>).</summary>
/// <param name="Store">Messages, intervals and the operational tables.</param>
/// <param name="AuditLog">The failover audit log.</param>
/// <param name="Leadership">Who speaks for the collectors.</param>
public sealed record StorageBackend(ICollectorStore Store, IFailoverAuditLog AuditLog, ILeadership Leadership);
