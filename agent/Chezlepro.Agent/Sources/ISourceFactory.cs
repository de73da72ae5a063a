namespace Chezlepro.Agent.Sources;

/// <summary>
/// Creates the sources of one <c>Type</c>. Every non-abstract implementation in the agent assembly is
/// registered automatically, so a new source type is a folder with its factory and nothing else to wire.
/// </summary>
public interface ISourceFactory
{
    /// <summary>The <c>Type</c> value this factory handles (contract.md).</summary>
    string Type { get; }

    /// <summary>Every problem with the entry's type-specific keys, each naming its key and value. No I/O.</summary>
    /// <param name="definition">The entry.</param>
    IEnumerable<string> Validate(SourceDefinition definition);

    /// <summary>Creates the source. No I/O: connections are opened on the first read.</summary>
    /// <param name="definition">The entry (already validated).</param>
    /// <param name="services">Services (logger factory, <see cref="TimeProvider"/>, …).</param>
    ISource Create(SourceDefinition definition, IServiceProvider services);
}
