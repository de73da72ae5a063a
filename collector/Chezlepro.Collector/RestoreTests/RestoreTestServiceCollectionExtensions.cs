using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.RestoreTests;

/// <summary>
/// Registers the restore tests' options (validated at start). Their store is registered with the other record stores
/// (Storage), the leader's round that journals them with the evidence journal (Evidence): this folder uses neither.
/// </summary>
public static class RestoreTestServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RestoreTestOptions"/> and its validator.</summary>
    public static IServiceCollection AddRestoreTests(this IServiceCollection services)
    {
        services.AddOptions<RestoreTestOptions>().BindConfiguration(RestoreTestOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RestoreTestOptions>, RestoreTestOptionsValidator>();
        return services;
    }
}
