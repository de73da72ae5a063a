using Chezlepro.Collector.Apis.Proxies;
using Chezlepro.Collector.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis.Https;

/// <summary>Registers what makes the API safe to expose: the HTTPS endpoint and its reloaded certificate, the checks of <c>Api:Https</c> and <c>Api:TrustedProxies</c>, the start-up warning.</summary>
public static class ApiExposureExtensions
{
    /// <summary>Adds the services (nothing is read before start).</summary>
    public static IServiceCollection AddApiExposure(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiExposureValidator>();
        services.AddSingleton<ApiCertificateSource>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, ApiHttpsKestrelSetup>();
        services.AddHostedService<PlainHttpWarning>();
        services.AddTrustedProxies();
        return services;
    }

    /// <summary>The URLs Kestrel binds: <c>Collector:Urls</c>, and <c>Api:Https:Url</c> when set.</summary>
    public static string Urls(IConfiguration configuration, string plainUrls)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var https = configuration[$"{ApiOptions.SectionName}:Https:Url"];
        return string.IsNullOrWhiteSpace(https) ? plainUrls : $"{plainUrls};{https.Trim()}";
    }

    /// <summary>Adds the forwarded-headers middleware of the trusted proxies; first, so that everything after sees the client.</summary>
    public static IApplicationBuilder UseApiExposure(this IApplicationBuilder app) => app.UseTrustedProxies();
}
