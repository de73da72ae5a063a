namespace Chezlepro.Agent.Sources;

/// <summary>
/// The base every source factory derives from. <see cref="Parse"/> holds every rule: it reads the entry's keys into
/// <typeparamref name="TSettings"/> and adds one message per problem. <see cref="Build"/> gets the settings only,
/// never the keys, so a rule cannot hide in it where check-config would not see it (the ceph factory once looked
/// for a connection to borrow only at start-up: check-config said OK and the service failed to start).
/// </summary>
/// <typeparam name="TSettings">What <see cref="Parse"/> reads; <see cref="ValueTuple"/> for a type with no keys of its own.</typeparam>
public abstract class SourceFactory<TSettings> : SourceFactory
{
    /// <summary>Creates the factory.</summary>
    protected SourceFactory()
    {
    }

    /// <summary>Reads the entry's keys; adds to <see cref="SourceKeys.Errors"/> one message per problem, naming key and value. No I/O.</summary>
    /// <param name="keys">The entry's keys and the problem list.</param>
    internal abstract TSettings Parse(SourceKeys keys);

    /// <summary>Builds the source from settings <see cref="Parse"/> found no problem with. No I/O, and no checks: those belong in Parse.</summary>
    /// <param name="definition">The entry (name, interval).</param>
    /// <param name="settings">What Parse read.</param>
    /// <param name="services">Services (logger factory, <see cref="TimeProvider"/>, …).</param>
    internal abstract ISource Build(SourceDefinition definition, TSettings settings, IServiceProvider services);

    internal sealed override Func<IServiceProvider, ISource> Prepare(SourceKeys keys)
    {
        var settings = Parse(keys);
        return services => Build(keys.Definition, settings, services);
    }
}
