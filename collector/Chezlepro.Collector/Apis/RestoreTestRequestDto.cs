namespace Chezlepro.Collector.Apis;

/// <summary>Body of <c>POST /api/v1/restore-tests</c>: a restore test done at a client's request.</summary>
/// <param name="Client">The client who asked (a <c>Catalog:Contracts[].Client</c>).</param>
/// <param name="Guest">The guest restored from (<c>Catalog:Guests[].Id</c>, of one of the client's services).</param>
/// <param name="RequestedAt">When the client asked (RFC 3339, not in the future).</param>
/// <param name="StartedAt">When the restore started (RFC 3339, not before the request nor in the future).</param>
/// <param name="DurationSeconds">How long it took, 0 or more.</param>
/// <param name="Outcome"><c>ok</c>, <c>mismatch</c>, <c>failed</c> or <c>timeout</c>.</param>
/// <param name="Snapshot">The snapshot restored from, optional.</param>
/// <param name="Notes">Free text, optional (10,000 characters at most).</param>
public sealed record RestoreTestRequestDto(string? Client, string? Guest, string? RequestedAt, string? StartedAt, double? DurationSeconds, string? Outcome,
    string? Snapshot, string? Notes);
