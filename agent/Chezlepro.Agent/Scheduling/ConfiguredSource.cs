using Chezlepro.Agent.Sources;

namespace Chezlepro.Agent.Scheduling;

/// <summary>A source created from its configuration entry, with its status record.</summary>
/// <param name="Definition">The configuration entry.</param>
/// <param name="Source">The source.</param>
/// <param name="Status">Its live status.</param>
public sealed record ConfiguredSource(SourceDefinition Definition, ISource Source, SourceStatus Status);
