using Chezlepro.Agent.Hosting.Systemd;
using Chezlepro.Agent.Hosting.Windows;
using Chezlepro.Agent.Options;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace Chezlepro.Agent.Hosting;

/// <summary>Builds the agent's host (the status page's own small server shares the process).</summary>
public static class AgentApp
{
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
        ConfigureLogging(builder);
        builder.Services.AddAgent(builder.Configuration);
        // Both do nothing unless the process runs under systemd (NOTIFY_SOCKET) or the Windows service manager.
        builder.Services.AddSystemdIntegration();
        builder.Services.AddWindowsServiceIntegration();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        return builder.Build();
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

    private static void ConfigureLogging(HostApplicationBuilder builder)
    {
        var dataDirectory = builder.Configuration[$"{AgentOptions.SectionName}:DataDirectory"] ?? new AgentOptions().DataDirectory;
        var logConfig = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteToConsoleOrJournal();
        if (builder.Configuration.GetValue("Logging:File:Enabled", true))
        {
            logConfig = logConfig.WriteTo.File(Path.Combine(dataDirectory, "logs", "agent-.log"),
                rollingInterval: RollingInterval.Day, fileSizeLimitBytes: 10 * 1024 * 1024, rollOnFileSizeLimit: true,
                retainedFileCountLimit: 10, outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext} {Message:lj}{NewLine}{Exception}");
        }
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logConfig.CreateLogger(), dispose: true);
    }
}
