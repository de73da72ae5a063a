using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Noc.Alertmanager;

/// <summary>Registers the Alertmanager sink (idle unless <c>Noc:Alertmanager:Url</c> is set).</summary>
public static class AlertmanagerServiceCollectionExtensions
{
    /// <summary>Adds the validated options, the sink as an <see cref="INocSink"/> and its posting loop.</summary>
    /// <param name="services">Services.</param>
    public static IServiceCollection AddAlertmanagerSink(this IServiceCollection services)
    {
        services.AddOptions<AlertmanagerOptions>().BindConfiguration(AlertmanagerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertmanagerOptions>, AlertmanagerOptionsValidator>();
        services.AddSingleton<AlertmanagerSink>();
        services.AddSingleton<INocSink>(sp => sp.GetRequiredService<AlertmanagerSink>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertmanagerSink>());
        return services;
    }
}
