using System.Reflection;
using System.Runtime.InteropServices;
using Chezlepro.Agent.Hosting.Systemd;
using Chezlepro.Agent.Hosting.Windows;
using Chezlepro.Hosting.Configuration;
using Chezlepro.Hosting.Lifetime;
using Chezlepro.Hosting.Systemd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Hosting;

/// <summary>Builds the agent's host (the status page's own small server shares the process).</summary>
public static class AgentApp
{
    /// <summary>What <c>--version</c> prints: name, version, and the runtime identifier it was built for (linux-arm64 under qemu proves the package).</summary>
    public static string VersionLine =>
        $"chezlepro-agent {typeof(AgentApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]} ({RuntimeInformation.RuntimeIdentifier})";

    /// <summary>Creates the application with every layer of configuration of contract.md.</summary>
    public static IHost Build(string[] args)
    {
        // No default sources: ServiceConfiguration adds the files, environment and arguments of contract.md itself.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        ServiceConfiguration.Apply(builder.Configuration, args, ServiceConfiguration.AgentRole);
        AgentLogging.Configure(builder.Logging, builder.Configuration, SystemdHelpers.IsSystemdService());
        builder.Services.AddHostExitCode();
        builder.Services.AddAgent(builder.Configuration);
        // Both do nothing unless systemd or the Windows service control manager started the process.
        builder.Services.AddSystemdIntegration<AgentLiveness>();
        builder.Services.AddWindowsServiceIntegration();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        return builder.Build();
    }

    /// <summary>Runs the host until it stops; returns the process exit code (non-zero after a fatal error).</summary>
    /// <param name="host">A host from <see cref="Build"/>; disposed here.</param>
    public static async Task<int> RunAsync(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using (host)
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Chezlepro.Agent");
            // A start-up failure (an option that fails validation, an outbox that cannot open) is logged while the
            // providers still exist, then a failure exit instead of an unhandled-exception abort.
            var code = await HostExitCode.RunAsync(host, (ex, exit) => Fatal(logger, ex, exit));
            foreach (var failed in host.Services.GetRequiredService<HostExitCode>().FailedServices) HostingLog.ServiceFailed(logger, failed, code);
            return code;
        }
    }

    private static void Fatal(ILogger logger, Exception ex, int exitCode)
    {
        var errorType = ex.GetType().Name;
        HostingLog.Fatal(logger, errorType, ex.Message, exitCode);
    }

    /// <summary>Runs <c>check-config</c>; prints every problem; 0 when valid.</summary>
    public static int CheckConfig(string[] args)
    {
        if (!ServiceConfiguration.TryLoad(args, ServiceConfiguration.AgentRole, out var configuration, out var problem))
        {
            Console.Error.WriteLine(problem);
            return 1;
        }
        var problems = ConfigCheck.Run(configuration!);
        foreach (var p in problems) Console.Error.WriteLine(p);
        Console.Out.WriteLine(problems.Count == 0 ? "configuration OK" : $"{problems.Count} problem(s)");
        return problems.Count == 0 ? 0 : 1;
    }
}
