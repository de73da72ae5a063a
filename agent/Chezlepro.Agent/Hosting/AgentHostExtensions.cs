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
        AddValidated<AgentOptions, AgentOptionsValidator>(services, AgentOptions.SectionName);
        services.AddMqttOptions();
        AddValidated<OutboxOptions, OutboxOptionsValidator>(services, OutboxOptions.SectionName);
        AddValidated<ForwardingOptions, ForwardingOptionsValidator>(services, ForwardingOptions.SectionName);
        AddValidated<StatusPageOptions, StatusPageOptionsValidator>(services, StatusPageOptions.SectionName);

        foreach (var type in typeof(AgentHostExtensions).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(SourceFactory).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(SourceFactory), type);
        }
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
        return services;
    }

    /// <summary>The client settings for this node (contract.md: client id <c>chezlepro-agent-&lt;site&gt;-&lt;node&gt;</c>).</summary>
    public static MqttClientOptions CreateMqttClientOptions(AgentOptions agent, MqttOptions mqtt) =>
        // The outbox, not the broker, is the store: a clean session keeps the broker from replaying a stale queue.
        // A site back from a WAN outage should drain within seconds, and one CONNECT every 15 s costs nothing.
        MqttClientSettings.Create(mqtt, $"chezlepro-agent-{agent.Site}-{agent.Node}", durableSession: false, TimeSpan.FromSeconds(15));

    private static void AddValidated<TOptions, TValidator>(IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
