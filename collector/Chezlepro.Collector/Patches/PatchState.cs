namespace Chezlepro.Collector.Patches;

/// <summary>One node's patch state, from its latest <c>patch</c> health result (agent source <c>patches</c>).</summary>
/// <param name="Site">Site.</param>
/// <param name="Node">Node.</param>
/// <param name="Pending">Updates apt would install; null when the node's last simulation failed.</param>
/// <param name="Security">Of those, from a security archive; null likewise.</param>
/// <param name="LastPatchAt">End of the last apt run that installed or upgraded packages; null when none is on record.</param>
/// <param name="DaysSinceLastPatch">Whole days from <paramref name="LastPatchAt"/> to now.</param>
/// <param name="Status"><c>ok</c>, <c>warning</c> (security updates pending past the node's grace) or <c>unknown</c>.</param>
/// <param name="UpdatedAt">Time of the result.</param>
/// <param name="Packages">Security package names (at most 50), for the journal.</param>
public sealed record PatchState(string Site, string Node, int? Pending, int? Security, DateTimeOffset? LastPatchAt, int? DaysSinceLastPatch,
    string Status, DateTimeOffset UpdatedAt, IReadOnlyList<string> Packages)
{
    /// <summary><c>site/node</c>, the journal's subject.</summary>
    public string Subject => $"{Site}/{Node}";
}
