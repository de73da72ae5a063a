using Chezlepro.Agent.Alerts;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Power;

/// <summary>
/// What every power source factory does alike: bind the entry with the keys all power sources share
/// (<see cref="PowerSourceOptions"/>), check the device's own keys and then the shared ones, and build with the
/// agent's clock and loggers. A device folder adds only its keys' rules and its construction.
/// </summary>
/// <typeparam name="TOptions">The device's options.</typeparam>
public abstract class PowerSourceFactory<TOptions> : SourceFactory<TOptions>
    where TOptions : PowerSourceOptions, new()
{
    internal sealed override TOptions Parse(SourceKeys keys)
    {
        var (definition, errors) = (keys.Definition, keys.Errors);
        var o = PowerSourceOptions.Bind(definition, errors, Get);
        Validate(o, definition, errors);
        errors.AddRange(o.ValidateCommon(definition));
        return o;
    }

    internal sealed override ISource Build(SourceDefinition definition, TOptions settings, IServiceProvider services) =>
        Build(definition, settings, services.GetRequiredService<ILoggerFactory>(), services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetService<Actions.LocalActions>());

    /// <summary>Binds the entry: <c>section.Get&lt;TheOptions&gt;()</c>, written with the concrete type so the binder is generated.</summary>
    private protected abstract TOptions? Get(IConfiguration section);

    /// <summary>Adds a problem per device key that is wrong (the shared keys are checked afterwards).</summary>
    private protected abstract void Validate(TOptions o, SourceDefinition definition, List<string> errors);

    /// <summary>Builds the source from valid options; <paramref name="actions"/> are the local battery actions its readings feed.</summary>
    private protected abstract ISource Build(SourceDefinition definition, TOptions o, ILoggerFactory loggers, TimeProvider time, Actions.LocalActions? actions);

    /// <summary>The TCP port rule of the sources reached over the network.</summary>
    private protected static void CheckPort(int port, SourceDefinition definition, List<string> errors)
    {
        if (port is < 1 or > 65535) errors.Add(ValidationText.Of($"{definition.Key("Port")}: '{port}' must be between 1 and 65535", "doit être entre 1 et 65535"));
    }
}
