namespace Chezlepro.Collector.Incidents;

/// <summary>
/// The stored identity of an incident: the id it was first given and the span it covers as last derived. Late data
/// may move the start or end of an incident; the id, its acknowledgement and its notices stay with the span.
/// </summary>
/// <param name="Id">Id given when the incident was first derived.</param>
/// <param name="ServiceId">Service.</param>
/// <param name="StartedAt">Start as last derived.</param>
/// <param name="RestoredAt">Restoration as last derived; null while open.</param>
public sealed record IncidentSpan(string Id, string ServiceId, DateTimeOffset StartedAt, DateTimeOffset? RestoredAt);
