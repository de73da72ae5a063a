namespace Chezlepro.Collector.Apis;

/// <summary><c>GET /api/v1/patches</c>: one entry per node that reports its patch state.</summary>
/// <param name="Nodes">The nodes, by site then node.</param>
public sealed record PatchesDto(IReadOnlyList<PatchNodeDto> Nodes);

/// <summary>One node's patch state (the client web page reads these exact names).</summary>
/// <param name="Site">Site.</param>
/// <param name="Node">Node.</param>
/// <param name="Pending">Pending updates; null when the node's last apt simulation failed.</param>
/// <param name="Security">Pending security updates; null likewise.</param>
/// <param name="LastPatchAt">End of the last upgrade (UTC); null when none is on record.</param>
/// <param name="DaysSinceLastPatch">Whole days since then.</param>
/// <param name="Status"><c>ok</c>, <c>warning</c> (security updates pending past the node's grace) or <c>unknown</c> (apt failed, or no result for 2 days).</param>
/// <param name="UpdatedAt">Time of the node's result.</param>
public sealed record PatchNodeDto(string Site, string Node, int? Pending, int? Security, DateTimeOffset? LastPatchAt, int? DaysSinceLastPatch,
    string Status, DateTimeOffset UpdatedAt);
