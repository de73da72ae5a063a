using Chezlepro.Collector.Failover;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Noc;

/// <summary>Registers the NOC alert stream (after the storage, whose leadership decides who publishes).</summary>
public static class NocServiceCollectionExtensions
{
    /// <summary>Adds the NOC options, the publisher, its failover listener and its two watchers.</summary>
    public static IServiceCollection AddNoc(this IServiceCollection services)
    {
        services.AddOptions<NocOptions>().BindConfiguration(NocOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NocOptions>, NocOptionsValidator>();
        services.AddSingleton<NocPublisher>();
        services.AddSingleton<IFailoverDecisionSink, NocFailoverAlerts>();
        services.AddHostedService<NocNodeWatcher>();
        services.AddHostedService<NocServiceLevelWatcher>();
        services.AddHostedService<NocDeliveryWatcher>();
        return services;
    }
}
