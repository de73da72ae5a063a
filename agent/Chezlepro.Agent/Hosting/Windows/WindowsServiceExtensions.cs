using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.EventLog;

namespace Chezlepro.Agent.Hosting.Windows;

/// <summary>
/// The Windows service lifetime of Microsoft.Extensions.Hosting.WindowsServices (start pending → running → stop
/// pending → stopped, stop and shutdown controls), added only on Windows. The library activates it only when the
/// service control manager started the process (its parent is services.exe), so a scheduled task or a console
/// runs the agent as a console program.
/// </summary>
public static class WindowsServiceExtensions
{
    /// <summary>The name packaging/windows/Install-AgentService.ps1 registers.</summary>
    public const string DefaultServiceName = "ChezleproAgent";

    /// <summary>Adds the service lifetime when the service control manager started this process; nothing elsewhere.</summary>
    /// <param name="services">Services.</param>
    /// <param name="serviceName">The registered service name.</param>
    public static IServiceCollection AddWindowsServiceIntegration(this IServiceCollection services, string serviceName = DefaultServiceName)
    {
        if (!OperatingSystem.IsWindows()) return services;
        services.AddWindowsService(o => o.ServiceName = serviceName);
        return services.WithoutEventLog();
    }

    /// <summary>
    /// Removes the Event Log provider that <c>AddWindowsService</c> adds. The agent logs to rolling files in its data
    /// folder on every platform; an information line every poll would also flood the Application log, and writing
    /// there needs an event source registered by an administrator.
    /// </summary>
    /// <param name="services">Services.</param>
    internal static IServiceCollection WithoutEventLog(this IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(ILoggerProvider) && services[i].ImplementationType == typeof(EventLogLoggerProvider))
                services.RemoveAt(i);
        }
        return services;
    }
}
