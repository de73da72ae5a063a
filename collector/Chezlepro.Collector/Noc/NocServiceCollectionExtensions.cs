using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Noc.Alertmanager;
using Chezlepro.Collector.Noc.Mqtt;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Noc;

/// <summary>Registers the NOC alert stream (after the storage, whose leadership decides who publishes).</summary>
public static class NocServiceCollectionExtensions
{
    /// <summary>Adds the NOC options, its sinks, the publisher, its failover listener and its two watchers.</summary>
    public static IServiceCollection AddNoc(this IServiceCollection services)
    {
        services.AddOptions<NocOptions>().BindConfiguration(NocOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NocOptions>, NocOptionsValidator>();
        services.AddSingleton<NocSinkCounters>();
        // The sinks, one line each (a sink that is not configured stays idle).
        services.AddSingleton<INocSink>(sp => new MqttNocSink(sp.GetRequiredService<IMqttClient>(), sp.GetRequiredService<TopicScheme>(),
            sp.GetRequiredService<NocSinkCounters>(), sp.GetRequiredService<ILogger<MqttNocSink>>()));
        services.AddAlertmanagerSink();
        services.AddSingleton(sp => new NocPublisher(sp.GetServices<INocSink>(), sp.GetRequiredService<TimeProvider>(),
            leadership: sp.GetService<ILeadership>()));
        services.AddSingleton<IFailoverDecisionSink, NocFailoverAlerts>();
        services.AddHostedService<NocNodeWatcher>();
        services.AddHostedService<NocServiceLevelWatcher>();
        services.AddHostedService<NocDeliveryWatcher>();
        return services;
    }
}
