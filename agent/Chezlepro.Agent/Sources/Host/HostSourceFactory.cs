namespace Chezlepro.Agent.Sources.Host;

/// <summary>Creates <c>host</c> sources. No type-specific keys.</summary>
public sealed class HostSourceFactory : SourceFactory<ValueTuple>
{
    /// <inheritdoc />
    public override string Type => "host";

    internal override ValueTuple Parse(SourceKeys keys) => default;

    internal override ISource Build(SourceDefinition definition, ValueTuple settings, IServiceProvider services) =>
        new HostSource(definition.Name);
}
