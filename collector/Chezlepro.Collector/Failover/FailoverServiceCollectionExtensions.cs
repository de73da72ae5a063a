using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Failover;

/// <summary>Registers failover decisions (after the storage and the <c>Catalog</c> options; <c>AddCollector</c> does both).</summary>
public static class FailoverServiceCollectionExtensions
{
    /// <summary>
    /// Adds the failover options, the coordinator and its round. Listeners are not named here: each adds itself as an
    /// <see cref="IFailoverDecisionSink"/> (the NOC stream does in <c>AddNoc</c>).
    /// </summary>
    public static IServiceCollection AddFailover(this IServiceCollection services)
    {
        services.AddOptions<FailoverOptions>().BindConfiguration(FailoverOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FailoverOptions>, FailoverOptionsValidator>();
        services.AddSingleton<FailoverCoordinator>();
        services.AddHostedService<FailoverService>();
        return services;
    }
}
