using Microsoft.Extensions.Configuration;

namespace Chezlepro.Agent.Sources;

/// <summary>One entry of the <c>Sources</c> array: common keys plus the raw section for type-specific keys.</summary>
/// <param name="Index">Position in the array; configuration keys are <c>Sources:&lt;Index&gt;:…</c>.</param>
/// <param name="Type">Source type (<c>host</c>, <c>victron-gx</c>, …).</param>
/// <param name="Name">Source name.</param>
/// <param name="Interval">Poll interval.</param>
/// <param name="Section">The entry's configuration section, for binding the type's own options.</param>
/// <param name="Configuration">
/// The whole configuration the entry was read from. An entry may lean on another (a <c>ceph</c> entry borrows a
/// <c>proxmox</c> entry's connection); carrying it here lets check-config and start-up judge that with the same input.
/// </param>
public sealed record SourceDefinition(int Index, string Type, string Name, TimeSpan Interval, IConfigurationSection Section, IConfiguration Configuration)
{
    /// <summary>Configuration key of a field of this entry, for messages (<c>Sources:2:Port</c>).</summary>
    /// <param name="field">Field name.</param>
    public string Key(string field) => $"Sources:{Index}:{field}";
}
