using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Hosting.Mqtt;

/// <summary>Binds the <c>Mqtt</c> section to <see cref="MqttOptions"/>, validated at start, for either service.</summary>
public static class MqttOptionsRegistration
{
    /// <summary>Adds <see cref="MqttOptions"/> bound to <c>Mqtt</c> with <see cref="MqttOptionsValidator"/> run at start.</summary>
    /// <param name="services">The service collection.</param>
    public static IServiceCollection AddMqttOptions(this IServiceCollection services)
    {
        services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>();
        return services;
    }
}
