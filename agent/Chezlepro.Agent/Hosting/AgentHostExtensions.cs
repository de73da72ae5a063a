using Chezlepro.Agent.Forwarding;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Agent.Sources;
using Chezlepro.Agent.StatusPage;
using Chezlepro.Agent.StatusPage.Http;
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
        AddValidated<MqttOptions, MqttOptionsValidator>(services, MqttOptions.SectionName);
        AddValidated<OutboxOptions, OutboxOptionsValidator>(services, OutboxOptions.SectionName);
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
    public static MqttClientOptions CreateMqttClientOptions(AgentOptions agent, MqttOptions mqtt) => new()
    {
        Host = mqtt.Host,
        Port = mqtt.Port,
        ClientId = $"chezlepro-agent-{agent.Site}-{agent.Node}",
        Username = mqtt.Username,
        Password = string.IsNullOrEmpty(mqtt.Password) ? null : mqtt.Password,
        KeepAlive = TimeSpan.FromSeconds(mqtt.KeepAliveSeconds),
        // The outbox, not the broker, is the store: a clean session keeps the broker from replaying a stale queue.
        CleanSession = true,
        MaxInflight = mqtt.MaxInflight,
        // A site back from a WAN outage should drain within seconds, and one CONNECT every 15 s costs nothing.
        ReconnectMaxDelay = TimeSpan.FromSeconds(mqtt.ReconnectMaxDelaySeconds),
        Tls = new Chezlepro.Mqtt.MqttTlsOptions
        {
            Enabled = mqtt.Tls.Enabled,
            CaFile = mqtt.Tls.CaFile,
            CertificateFile = mqtt.Tls.CertificateFile,
            KeyFile = mqtt.Tls.KeyFile,
            PinnedSha256 = mqtt.Tls.PinnedSha256,
            TargetHost = mqtt.Tls.TargetHost,
        },
    };

    private static void AddValidated<TOptions, TValidator>(IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
