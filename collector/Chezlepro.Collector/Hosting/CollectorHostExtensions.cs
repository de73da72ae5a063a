using Chezlepro.Collector.Apis;
using Chezlepro.Collector.Apis.Https;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Delivery;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Ingest;
using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Reports.ClientReport;
using Chezlepro.Collector.RestoreTests;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Topics;
using Chezlepro.Hosting.Mqtt;
using Chezlepro.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Hosting;

/// <summary>Registers the collector: options validated at start, store, ingest, its background loops.</summary>
public static class CollectorHostExtensions
{
    /// <summary>Adds the collector's services.</summary>
    public static IServiceCollection AddCollector(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CollectorOptionsValidator>();
        services.AddOptions<CollectorOptions>().BindConfiguration(CollectorOptions.SectionName).ValidateOnStart();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CollectorOptions>>(sp => sp.GetRequiredService<CollectorOptionsValidator>());
        services.AddMqttOptions();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddApiAuthentication();
        services.AddApiExposure();

        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogValidator>();
        services.AddOptions<IncidentPolicy>().BindConfiguration(IncidentPolicy.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IncidentPolicy>, IncidentPolicyValidator>();
        services.AddSingleton<ServiceLevelReports>();
        services.AddClientReports();

        services.AddSingleton(sp => new TopicScheme(sp.GetRequiredService<IOptions<MqttOptions>>().Value.TopicRoot));
        services.AddSingleton(sp => new MessageValidator(sp.GetRequiredService<TopicScheme>(),
            sp.GetRequiredService<IOptions<CollectorOptions>>().Value.MaxPayloadBytes));
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<IngestProcessor>();
        services.AddCollectorStorage();
        services.AddSingleton<IMqttClient>(sp => new MqttClient(
            CreateMqttClientOptions(sp.GetRequiredService<IOptions<CollectorOptions>>().Value, sp.GetRequiredService<IOptions<MqttOptions>>().Value),
            sp.GetRequiredService<ILogger<MqttClient>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestService>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestService>());
        // After ingest, whose start opens the store. Every loop counts its failed rounds in one place (/metrics).
        services.AddSingleton<LoopFailureCounters>();
        // Before every once-only job: leadership is settled on the first round, at start.
        services.AddHostedService<LeadershipService>();
        services.AddHostedService<TelemetryPruneService>();
        services.AddDelivery();
        // The default, stated because Program relies on it: a fault that escapes a background service stops the
        // host, and Program then exits non-zero so that systemd (Restart=on-failure) starts the collector again.
        services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        // After ingest: the failover service and the NOC watchers read a store that ingest has initialised.
        services.AddFailover();
        services.AddNoc();
        services.AddEvidence();
        services.AddHostedService<Patches.PatchEvidenceService>();
        services.AddRestoreTests();
        return services;
    }

    /// <summary>The client settings of this collector (contract.md: client id <c>chezlepro-collector-&lt;id&gt;</c>).</summary>
    public static MqttClientOptions CreateMqttClientOptions(CollectorOptions collector, MqttOptions mqtt) =>
        // Durable session: the broker queues QoS 1 agent messages while the collector restarts.
        // A collector that is away loses nothing (durable session) but must come back fast: 5 s at most between tries.
        MqttClientSettings.Create(mqtt, $"chezlepro-collector-{collector.Id}", durableSession: true, TimeSpan.FromSeconds(5));
}
