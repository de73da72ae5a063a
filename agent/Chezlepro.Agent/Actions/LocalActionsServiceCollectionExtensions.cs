using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Actions;

/// <summary>Registers the <c>Actions</c> section (validated at start) and the actions the power sources feed.</summary>
public static class LocalActionsServiceCollectionExtensions
{
    /// <summary>Adds the local actions of <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddLocalActions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalActionsOptions>().Configure(o =>
        {
            var read = LocalActionsOptions.Read(configuration);
            (o.Actions, o.ReadErrors) = (read.Actions, read.ReadErrors);
        }).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalActionsOptions>, LocalActionsOptionsValidator>();
        services.TryAddSingleton<ICommandRunner>(sp => new ProcessCommandRunner(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<LocalActions>();
        return services;
    }
}
