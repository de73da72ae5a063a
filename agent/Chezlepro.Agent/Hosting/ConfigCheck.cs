using System.Diagnostics.CodeAnalysis;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Sources;
using Chezlepro.Hosting.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Hosting;

/// <summary><c>chezlepro-agent check-config --config &lt;file&gt;</c>: every problem with its key, nothing started.</summary>
public static class ConfigCheck
{
    /// <summary>Validates the configuration; returns every problem found (empty when valid).</summary>
    public static IReadOnlyList<string> Run(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddAgent(configuration);
        using var provider = services.BuildServiceProvider();
        var problems = new List<string>();
        Collect<AgentOptions>(provider, problems);
        Collect<MqttOptions>(provider, problems);
        Collect<OutboxOptions>(provider, problems);
        Collect<ForwardingOptions>(provider, problems);
        Collect<StatusPageOptions>(provider, problems);
        Collect<Actions.LocalActionsOptions>(provider, problems);
        problems.AddRange(provider.GetRequiredService<SourceCatalog>().Read(configuration).Problems);
        return problems;
    }

    private static void Collect<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IServiceProvider provider, List<string> problems)
        where T : class
    {
        try
        {
            _ = provider.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            problems.AddRange(ex.Failures);
        }
        catch (InvalidOperationException ex)
        {
            // Binding failures (a string where a number goes) name the key in their message.
            problems.Add(ex.Message);
        }
    }
}
