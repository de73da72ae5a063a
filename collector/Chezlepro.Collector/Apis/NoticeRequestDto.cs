namespace Chezlepro.Collector.Apis;

/// <summary>Body of <c>POST /api/v1/incidents/{id}/notices</c>.</summary>
/// <param name="Type">first, update, resolution, postmortem, breach or breach-declared.</param>
/// <param name="Channel">email, phone, portal… (lower-case letters, digits, '-'); not needed for breach-declared.</param>
/// <param name="SentAt">RFC 3339; when it was sent (breach-declared: when the breach was established); default now.</param>
/// <param name="Summary">What it said, in short (at most 2,000 characters).</param>
public sealed record NoticeRequestDto(string? Type, string? Channel, string? SentAt, string? Summary);
