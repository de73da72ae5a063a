using Chezlepro.Agent.Actions;
using Chezlepro.Agent.Forwarding;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Agent.Sources;
using Chezlepro.Agent.StatusPage;
using Chezlepro.Agent.StatusPage.Http;
using Chezlepro.Hosting.Mqtt;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Hosting;

/// <summary>Registers everything the agent runs: options (validated at start), sources, outbox, forwarder.</summary>
public static class AgentHostExtensions
{
    /// <summary>Adds the agent to <paramref name="services"/>.</summary>
    public static IServiceCollection AddAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Each bound with its concrete type written out: the configuration binder's generator (Native AOT) writes
        // code only for such calls, never for a generic helper's.
        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.AddMqttOptions();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddOptions<ForwardingOptions>().BindConfiguration(ForwardingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardingOptions>, ForwardingOptionsValidator>();
        services.AddOptions<StatusPageOptions>().BindConfiguration(StatusPageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StatusPageOptions>, StatusPageOptionsValidator>();
        services.AddLocalActions(configuration);

        foreach (var factory in SourceCatalog.Registered()) services.AddSingleton(factory);
        services.AddSingleton<SourceCatalog>();
        services.AddSingleton<IReadOnlyList<ConfiguredSource>>(sp =>
            sp.GetRequiredService<SourceCatalog>().Create(configuration, sp));

        services.AddSingleton(sp => new AgentState { StartedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow() });
        services.AddSingleton<MessageFactory>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<SqliteOutbox>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.AddSingleton<IMqttClient>(sp => new MqttClient(
            CreateMqttClientOptions(sp.GetRequiredService<IOptions<AgentOptions>>().Value, sp.GetRequiredService<IOptions<MqttOptions>>().Value),
            sp.GetRequiredService<ILogger<MqttClient>>(), sp.GetRequiredService<TimeProvider>()));

        // Order matters: the outbox opens before anything polls or drains, and stops last.
        services.AddHostedService<OutboxInitializer>();
        // After the outbox (the page reads its depth), before the sources: the page is up from the first poll.
        services.AddSingleton<StatusEndpoints>();
        services.AddSingleton<StatusHttpServer>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusHttpServer>());
        services.AddHostedService<SourceRunner>();
        services.AddHostedService<Forwarder>();
        services.AddHostedService<StartupHeapTrim>();
        return services;
    }

    /// <summary>The client settings for this node (contract.md: client id <c>chezlepro-agent-&lt;site&gt;-&lt;node&gt;</c>).</summary>
    public static MqttClientOptions CreateMqttClientOptions(AgentOptions agent, MqttOptions mqtt) =>
        // The outbox, not the broker, is the store: a clean session keeps the broker from replaying a stale queue.
        // A site back from a WAN outage should drain within seconds, and one CONNECT every 15 s costs nothing.
        MqttClientSettings.Create(mqtt, $"chezlepro-agent-{agent.Site}-{agent.Node}", durableSession: false, TimeSpan.FromSeconds(15));
}
