using System.Reflection;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Hosting;

/// <summary>
/// <c>chezlepro-collector check-config [--config file]</c>: every problem of the configuration with its key and value
/// (options and the catalog's cross-references), like the agent's. Nothing is started: no store is opened, no broker
/// contacted, no file or folder created; only the configured files (TLS) are looked at.
/// </summary>
public static class CheckConfigCommand
{
    /// <summary>Runs the command; 0 when the configuration is valid, 1 otherwise.</summary>
    /// <param name="args">Arguments after <c>check-config</c>.</param>
    /// <param name="output">Receives the verdict.</param>
    /// <param name="errors">Receives one line per problem.</param>
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!ServiceConfiguration.TryLoad(args, ServiceConfiguration.CollectorRole, out var configuration, out var problem))
        {
            errors.WriteLine(problem);
            return 1;
        }
        var problems = Check(configuration!);
        foreach (var p in problems) errors.WriteLine(p);
        output.WriteLine(problems.Count == 0 ? "configuration OK" : $"{problems.Count} problem(s)");
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Every problem of <paramref name="configuration"/>; empty when the collector would start with it.</summary>
    /// <param name="configuration">The layered configuration.</param>
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        // Only options are resolved from this provider: the store, the MQTT client and the hosted services are
        // registered but never constructed.
        using var provider = Services(configuration, out var services);
        var problems = new List<string>();
        foreach (var type in BoundOptionTypes(services)) Collect(provider, type, problems);
        return problems;
    }

    /// <summary>The collector's services without its host, for the commands: nothing is constructed until asked for.</summary>
    internal static ServiceProvider Services(IConfiguration configuration, out IServiceCollection services)
    {
        services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(b => b.ClearProviders());
        services.AddCollector();
        return services.BuildServiceProvider();
    }

    // Every Chezlepro options type the collector binds (BindConfiguration registers an IConfigureOptions<T>), so a
    // section added later is checked without a list to keep in step.
    private static IEnumerable<Type> BoundOptionTypes(IServiceCollection services) => services
        .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
        .Select(d => d.ServiceType.GetGenericArguments()[0])
        .Where(t => t.Namespace?.StartsWith("Chezlepro.", StringComparison.Ordinal) == true)
        .Distinct();

    private static void Collect(IServiceProvider provider, Type optionsType, List<string> problems)
    {
        var accessor = typeof(IOptions<>).MakeGenericType(optionsType);
        try
        {
            _ = accessor.GetProperty(nameof(IOptions<object>.Value))!.GetValue(provider.GetRequiredService(accessor));
        }
        catch (TargetInvocationException ex) when (ex.InnerException is OptionsValidationException validation)
        {
            problems.AddRange(validation.Failures);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is InvalidOperationException binding)
        {
            // Binding failures (a word where a number goes) name the key and the value in their message.
            problems.Add(binding.Message);
        }
    }
}
