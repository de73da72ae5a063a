namespace Chezlepro.Collector.Apis;

/// <summary>A site and its nodes.</summary>
public sealed record SiteDto(string Site, IReadOnlyList<NodeDto> Nodes);

/// <summary>A node's presence.</summary>
public sealed record NodeDto(string Node, bool Online, string? Reason, long Session, DateTimeOffset? LastSeen,
    DateTimeOffset? StatusAt, string? AgentVersion, DateTimeOffset? StartedAt);

/// <summary>Latest values of a node.</summary>
public sealed record NodeLatestDto(string Site, string Node, bool Online, DateTimeOffset? LastSeen,
    IReadOnlyList<MetricDto> Metrics, IReadOnlyList<CheckDto> Health);

/// <summary>One metric's latest value.</summary>
public sealed record MetricDto(string Metric, double Value, string? Unit, string Source, DateTimeOffset Ts);

/// <summary>One check's latest result: <c>summary</c> in French (as the agent sent it), <c>summaryEn</c> in English (null when the agent sent none).</summary>
public sealed record CheckDto(string Check, string Status, string Summary, string? SummaryEn, System.Text.Json.Nodes.JsonNode? Details, DateTimeOffset Ts);
