namespace Chezlepro.Collector.Storage;

/// <summary>A node as the API shows it.</summary>
public sealed record NodeView(string Site, string Node, bool Online, string? Reason, long Session,
    DateTimeOffset? LastSeen, DateTimeOffset? StatusAt, string? AgentVersion, DateTimeOffset? StartedAt);
