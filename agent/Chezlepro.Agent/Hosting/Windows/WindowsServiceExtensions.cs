using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chezlepro.Agent.Hosting.Windows;

/// <summary>Registers the Windows service integration when, and only when, the SCM started this process.</summary>
public static class WindowsServiceExtensions
{
    /// <summary>True on Windows in a non-interactive window station, which is where the SCM starts services.</summary>
    public static bool IsWindowsService() => OperatingSystem.IsWindows() && !Environment.UserInteractive;

    /// <summary>Replaces the console lifetime with the SCM one when running as a Windows service.</summary>
    public static IServiceCollection AddWindowsServiceIntegration(this IServiceCollection services, string serviceName = "ChezleproAgent")
    {
        if (!OperatingSystem.IsWindows() || !IsWindowsService()) return services;
        services.AddSingleton(new WindowsServiceOptions { ServiceName = serviceName });
        services.AddSingleton<IServiceControlManager, Advapi32ServiceControlManager>();
        services.AddSingleton<IHostLifetime, WindowsServiceLifetime>();
        return services;
    }
}
