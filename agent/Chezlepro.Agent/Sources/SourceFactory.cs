namespace Chezlepro.Agent.Sources;

/// <summary>
/// Creates the sources of one <c>Type</c>. A new source type is a folder with its factory, added to
/// <see cref="SourceCatalog.Registered"/> (explicit, for Native AOT; a test fails if one is left out). Derive from
/// <see cref="SourceFactory{TSettings}"/>: its one <c>Parse</c> serves both <see cref="Validate"/> (check-config)
/// and <see cref="Create"/> (start-up), so a configuration check-config accepts is one the service starts with.
/// </summary>
public abstract class SourceFactory
{
    // Only SourceFactory<TSettings> derives from this: that is what keeps the two entry points on one set of rules.
    private protected SourceFactory()
    {
    }

    /// <summary>The <c>Type</c> value this factory handles (contract.md).</summary>
    public abstract string Type { get; }

    /// <summary>The poll interval when the entry sets no <c>Interval</c>.</summary>
    public virtual TimeSpan DefaultInterval => TimeSpan.FromSeconds(30);

    /// <summary>Every problem with the entry's type-specific keys, each naming its key and value. No I/O.</summary>
    /// <param name="definition">The entry.</param>
    public IReadOnlyList<string> Validate(SourceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<string>();
        Prepare(new SourceKeys(definition, errors));
        return errors;
    }

    /// <summary>Creates the source. No I/O: connections are opened on the first read.</summary>
    /// <param name="definition">The entry.</param>
    /// <param name="services">Services (logger factory, <see cref="TimeProvider"/>, …).</param>
    /// <exception cref="InvalidOperationException">The entry has problems; the message lists exactly what <see cref="Validate"/> returns.</exception>
    public ISource Create(SourceDefinition definition, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<string>();
        var build = Prepare(new SourceKeys(definition, errors));
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join("; ", errors));
        return build(services);
    }

    /// <summary>Reads and checks every key once; returns how to build the source from what was read.</summary>
    internal abstract Func<IServiceProvider, ISource> Prepare(SourceKeys keys);
}
