using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.StatusPage;

/// <summary>What <c>GET /api/status</c> returns: everything on the page, nothing secret.</summary>
public sealed record StatusSnapshot(
    string Site,
    string Node,
    DateTimeOffset Now,
    DateTimeOffset StartedAt,
    bool BrokerConnected,
    long Session,
    DateTimeOffset? LastPublishAt,
    long Published,
    OutboxStats Outbox,
    IReadOnlyList<SourceSnapshot> Sources,
    IReadOnlyList<Sample> Metrics,
    IReadOnlyList<HealthSnapshot> Health,
    IReadOnlyList<Alert> Alerts);

/// <summary>One source on the status page.</summary>
public sealed record SourceSnapshot(string Name, string Type, long Successes, long Failures, long ConsecutiveFailures,
    DateTimeOffset? LastSuccessAt, double LastDurationMs, string? LastError);

/// <summary>One check on the status page.</summary>
public sealed record HealthSnapshot(string Check, HealthStatus Status, string Summary, DateTimeOffset Ts);
