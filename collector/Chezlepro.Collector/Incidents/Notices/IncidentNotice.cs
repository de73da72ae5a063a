namespace Chezlepro.Collector.Incidents.Notices;

/// <summary>A notice recorded for an incident (<c>GET /api/v1/incidents/{id}/notices</c>).</summary>
/// <param name="Id">Store id, increasing in recording order (0 before it is stored).</param>
/// <param name="IncidentId">The incident.</param>
/// <param name="Type">One of <see cref="NoticeTypes"/>.</param>
/// <param name="Channel">How it reached the client (<c>email</c>, <c>phone</c>, <c>portal</c>…); empty for a breach declaration.</param>
/// <param name="SentAt">When it was sent (for a breach declaration: when the breach was established).</param>
/// <param name="Summary">What it said, in short, or null.</param>
/// <param name="Author">The API key's or token's name that recorded it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record IncidentNotice(long Id, string IncidentId, string Type, string Channel, DateTimeOffset SentAt, string? Summary, string Author,
    DateTimeOffset RecordedAt);
