using Chezlepro.Hosting.Configuration;
using System.Globalization;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Contracts.Identity;
using Microsoft.Extensions.Configuration;

namespace Chezlepro.Agent.Sources;

/// <summary>Reads the <c>Sources</c> array, checks every entry, and creates the sources through their factories.</summary>
public sealed class SourceCatalog
{
    private readonly Dictionary<string, SourceFactory> _factories;

    /// <summary>Creates the catalog over the registered factories.</summary>
    public SourceCatalog(IEnumerable<SourceFactory> factories) =>
        _factories = factories.ToDictionary(f => f.Type, StringComparer.Ordinal);

    /// <summary>
    /// Every source type the agent knows, listed by hand: the shipped agent is Native AOT, where scanning the assembly
    /// for factories would find nothing the trimmer did not keep (SourceFactoryTests checks that none is missing).
    /// </summary>
    public static IReadOnlyList<SourceFactory> Registered() =>
    [
        new Power.Victron.VictronGxSourceFactory(),
        new Power.Eg4.Eg4LlSourceFactory(),
        new Power.VeBus.VeBusMk3SourceFactory(),
        new Proxmox.ProxmoxSourceFactory(),
        new Pbs.PbsSourceFactory(),
        new Ceph.CephSourceFactory(),
        new Host.HostSourceFactory(),
        new Probe.ProbeSourceFactory(),
        new Patches.PatchesSourceFactory(),
        new RestoreTest.RestoreTestSourceFactory(),
    ];

    /// <summary>Known source types.</summary>
    public IReadOnlyCollection<string> Types => _factories.Keys;

    /// <summary>Parses the entries; every problem is returned with its key and value (no I/O).</summary>
    public (IReadOnlyList<SourceDefinition> Definitions, IReadOnlyList<string> Problems) Read(IConfiguration configuration)
    {
        var definitions = new List<SourceDefinition>();
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var entries = configuration.GetSection("Sources").GetChildren()
            .OrderBy(s => int.TryParse(s.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
            .ToList();
        foreach (var section in entries)
        {
            var key = $"Sources:{section.Key}";
            if (!int.TryParse(section.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
            {
                problems.Add(ValidationText.Of($"{key}: Sources must be a JSON array.", "Sources doit être un tableau JSON."));
                continue;
            }
            var type = section["Type"];
            var name = section["Name"] ?? type;
            var entryProblems = new List<string>();
            if (string.IsNullOrEmpty(type) || !_factories.ContainsKey(type))
                entryProblems.Add($"{key}:Type = '{type}': unknown source type; known: {string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal))}.");
            if (!Identifiers.IsValidName(name))
                entryProblems.Add($"{key}:Name = '{name}': must match [a-z0-9][a-z0-9.-]*.");
            else if (!names.Add(name!))
                entryProblems.Add($"{key}:Name = '{name}': another source already has this name.");
            var intervalText = section["Interval"];
            var interval = type is not null && _factories.TryGetValue(type, out var typed) ? typed.DefaultInterval : TimeSpan.FromSeconds(30);
            if (intervalText is not null && !TimeSpan.TryParse(intervalText, CultureInfo.InvariantCulture, out interval))
                entryProblems.Add($"{key}:Interval = '{intervalText}': not a time span (hh:mm:ss).");
            else if (interval < TimeSpan.FromSeconds(1) || interval > TimeSpan.FromDays(1))
                entryProblems.Add($"{key}:Interval = '{intervalText}': must be between 00:00:01 and 1.00:00:00.");
            if (entryProblems.Count > 0)
            {
                problems.AddRange(entryProblems);
                continue;
            }
            var definition = new SourceDefinition(index, type!, name!, interval, section, configuration);
            var typeProblems = _factories[type!].Validate(definition).ToList();
            problems.AddRange(typeProblems);
            if (typeProblems.Count == 0) definitions.Add(definition);
        }
        return (definitions, problems);
    }

    /// <summary>Creates the configured sources; throws with every problem when the configuration is wrong.</summary>
    public IReadOnlyList<ConfiguredSource> Create(IConfiguration configuration, IServiceProvider services)
    {
        var (definitions, problems) = Read(configuration);
        if (problems.Count > 0) throw new InvalidOperationException("Invalid source configuration:\n  " + string.Join("\n  ", problems));
        return definitions
            .Select(d => new ConfiguredSource(d, _factories[d.Type].Create(d, services), new SourceStatus(d.Name, d.Type, d.Interval)))
            .ToList();
    }
}
