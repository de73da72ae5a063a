using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chezlepro.Agent.Hosting.Systemd;

/// <summary>Registers the systemd integration (inert when the process was not started by systemd).</summary>
public static class SystemdExtensions
{
    /// <summary>Adds sd_notify readiness, status, stopping and watchdog, from this process's environment.</summary>
    public static IServiceCollection AddSystemdIntegration(this IServiceCollection services) =>
        services.AddSystemdIntegration(SystemdSettings.FromEnvironment());

    /// <summary>Adds the integration with explicit settings (tests, or a host that read them elsewhere).</summary>
    public static IServiceCollection AddSystemdIntegration(this IServiceCollection services, SystemdSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton<ISystemdNotifier>(_ => new SystemdNotifier(settings.NotifySocket));
        services.AddHostedService<SystemdService>();
        return services;
    }
}
