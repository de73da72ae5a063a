using Chezlepro.Agent.Outbox;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.StatusPage;

/// <summary>What <c>GET /api/status</c> returns: everything on the page, nothing secret (no option value but site and node).</summary>
/// <param name="Site">Site identity.</param>
/// <param name="Node">Node identity.</param>
/// <param name="Now">When the snapshot was taken.</param>
/// <param name="StartedAt">When the agent started.</param>
/// <param name="BrokerConnected">True while connected to the broker.</param>
/// <param name="Session">Current broker session counter.</param>
/// <param name="LastPublishAt">When the last PUBACK arrived.</param>
/// <param name="Published">Messages acknowledged since start.</param>
/// <param name="Outbox">Outbox counts and sizes.</param>
/// <param name="Sources">Every source, in configuration order.</param>
/// <param name="Metrics">Latest value of every metric.</param>
/// <param name="Health">Latest result of every check.</param>
/// <param name="Alerts">Alerts currently raised.</param>
/// <param name="OutboxOldestAgeSeconds">Age of the oldest unsent message, or null when the outbox is empty.</param>
/// <param name="AgentVersion">Version of the running agent.</param>
/// <param name="OutboxOldestUnacknowledgedAgeSeconds">Age of the oldest row no watermark covers, or null when none.</param>
/// <param name="OutboxResends">Rows published again since start (reconnect or acknowledgement timeout).</param>
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
    IReadOnlyList<Alert> Alerts,
    double? OutboxOldestAgeSeconds = null,
    string? AgentVersion = null,
    double? OutboxOldestUnacknowledgedAgeSeconds = null,
    long OutboxResends = 0);
