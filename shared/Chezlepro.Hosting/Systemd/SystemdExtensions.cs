using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace Chezlepro.Hosting.Systemd;

/// <summary>Registers the systemd integration (nothing at all when the process was not started by systemd).</summary>
public static class SystemdExtensions
{
    /// <summary>
    /// Under systemd: the library's lifetime (<c>READY=1</c>, <c>STOPPING=1</c>), its journal console format and
    /// notifier, and our watchdog on that notifier, asking <typeparamref name="TLiveness"/> whether the service's loops turn.
    /// </summary>
    /// <param name="services">Services.</param>
    public static IServiceCollection AddSystemdIntegration<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TLiveness>(this IServiceCollection services)
        where TLiveness : class, IServiceLiveness
    {
        if (!SystemdHelpers.IsSystemdService()) return services;
        services.AddSystemd();
        services.TryAddSingleton<IServiceLiveness, TLiveness>();
        return services.AddSystemdWatchdog(SystemdSettings.FromEnvironment());
    }

    /// <summary>
    /// Adds the watchdog rule alone, on whatever <see cref="ISystemdNotifier"/> and <see cref="IServiceLiveness"/> are
    /// registered (the library's notifier under systemd; fakes in tests).
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="settings">The watchdog interval.</param>
    public static IServiceCollection AddSystemdWatchdog(this IServiceCollection services, SystemdSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddHostedService<SystemdWatchdog>();
        return services;
    }
}
