using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Evidence;

/// <summary>Registers the evidence journal, its options, the head publisher and the daily head loop.</summary>
public static class EvidenceServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IEvidenceJournal"/> (one <see cref="EvidenceJournal"/> over the store's <see cref="IEvidenceStore"/>) and the head loop.</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EvidenceOptions>, EvidenceOptionsValidator>();
        services.AddSingleton(sp => new EvidenceJournal(sp.GetRequiredService<IEvidenceStore>()));
        services.AddSingleton<IEvidenceJournal>(sp => sp.GetRequiredService<EvidenceJournal>());
        services.AddSingleton(sp => new EvidenceHeadPublisher(sp.GetRequiredService<EvidenceJournal>(), sp.GetService<IMqttClient>(),
            sp.GetRequiredService<TopicScheme>(), sp.GetRequiredService<IOptions<CollectorOptions>>().Value.Id, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<EvidenceHeadPublisher>()));
        services.AddSingleton<EvidenceWriter>();
        services.AddSingleton<IFailoverDecisionSink, EvidenceFailoverSink>();
        services.AddHostedService<EvidenceHeadService>();
        services.AddHostedService<EvidenceIncidentService>();
        services.AddHostedService<EvidenceBackupService>();
        return services;
    }
}
