using Chezlepro.Collector.Noc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Failover;

/// <summary>Registers failover decisions and the NOC stream (call after <c>AddCollector</c>, with <c>Catalog</c> options and the storage registered).</summary>
public static class FailoverServiceCollectionExtensions
{
    /// <summary>Adds the failover coordinator, its hosted service, the audit log and the NOC publisher.</summary>
    public static IServiceCollection AddFailover(this IServiceCollection services)
    {
        services.AddOptions<FailoverOptions>().BindConfiguration(FailoverOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FailoverOptions>, FailoverOptionsValidator>();
        services.AddSingleton<NocPublisher>();
        services.AddSingleton<FailoverCoordinator>();
        services.AddHostedService<FailoverService>();
        services.AddHostedService<NocNodeWatcher>();
        services.AddHostedService<NocServiceLevelWatcher>();
        return services;
    }
}
