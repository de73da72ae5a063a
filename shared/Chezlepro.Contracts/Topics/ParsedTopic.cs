namespace Chezlepro.Contracts.Topics;

/// <summary>A topic taken apart by <see cref="TopicScheme.TryParse"/>.</summary>
/// <param name="Kind">What the topic carries.</param>
/// <param name="Site">Site identity (agent topics), or <c>null</c>.</param>
/// <param name="Node">Node identity (agent topics), or <c>null</c>.</param>
/// <param name="Name">Source, check, failover group or collector id where the kind has one, else <c>null</c>.</param>
public sealed record ParsedTopic(TopicKind Kind, string? Site, string? Node, string? Name);
