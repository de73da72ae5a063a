namespace Chezlepro.Agent.Sources.Host;

/// <summary>Creates <c>host</c> sources. No type-specific keys.</summary>
public sealed class HostSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public string Type => "host";

    /// <inheritdoc />
    public IEnumerable<string> Validate(SourceDefinition definition) => [];

    /// <inheritdoc />
    public ISource Create(SourceDefinition definition, IServiceProvider services) => new HostSource(definition.Name);
}
