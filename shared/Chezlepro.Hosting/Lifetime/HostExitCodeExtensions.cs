using Microsoft.Extensions.DependencyInjection;

namespace Chezlepro.Hosting.Lifetime;

/// <summary>Registers <see cref="HostExitCode"/>.</summary>
public static class HostExitCodeExtensions
{
    /// <summary>Registers the tracker as a hosted service; call it before any other hosted service (see <see cref="HostExitCode"/>).</summary>
    /// <param name="services">Services.</param>
    public static IServiceCollection AddHostExitCode(this IServiceCollection services)
    {
        services.AddSingleton<HostExitCode>();
        services.AddHostedService(sp => sp.GetRequiredService<HostExitCode>());
        return services;
    }
}
