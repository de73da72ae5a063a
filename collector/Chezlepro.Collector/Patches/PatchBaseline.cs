namespace Chezlepro.Collector.Patches;

/// <summary>A node's patch state as last journaled.</summary>
/// <param name="Pending">Pending updates.</param>
/// <param name="Security">Pending security updates.</param>
/// <param name="LastPatchAt">Last patch run.</param>
public sealed record PatchBaseline(int? Pending, int? Security, DateTimeOffset? LastPatchAt);
