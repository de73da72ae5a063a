using Chezlepro.Collector.Apis;
using Chezlepro.Collector.Apis.Https;
using Chezlepro.Collector.ClientView;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Diagnostics;
using Chezlepro.Hosting.Configuration;
using Chezlepro.Hosting.Lifetime;
using Chezlepro.Hosting.Systemd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace Chezlepro.Collector.Hosting;

/// <summary>Builds the collector's web application.</summary>
public static class CollectorApp
{
    /// <summary>
    /// Creates the application with the configuration layers of contract.md; <paramref name="configureServices"/>
    /// runs after the collector's own registrations (tests add or replace services there).
    /// </summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        ServiceConfiguration.Apply(builder.Configuration, args, ServiceConfiguration.CollectorRole);
        var dataDirectory = builder.Configuration[$"{CollectorOptions.SectionName}:DataDirectory"] ?? new CollectorOptions().DataDirectory;
        var log = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        if (builder.Configuration.GetValue("Logging:File:Enabled", true))
        {
            log = log.WriteTo.File(Path.Combine(dataDirectory, "logs", "collector-.log"), rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: 10 * 1024 * 1024, rollOnFileSizeLimit: true, retainedFileCountLimit: 10);
        }
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(log.CreateLogger(), dispose: true);
        // First, so that it stops last and sees how every other service ended.
        builder.Services.AddHostExitCode();
        builder.Services.AddCollector();
        // Nothing unless systemd started the process: READY/STOPPING from the library, WATCHDOG=1 from CollectorLiveness.
        builder.Services.AddSystemdIntegration<CollectorLiveness>();
        builder.Services.AddOpenApi();
        configureServices?.Invoke(builder.Services);
        // Api:Https:Url beside Collector:Urls; its certificate comes from ApiHttpsKestrelSetup (reloaded on change).
        builder.WebHost.UseUrls(ApiExposureExtensions.Urls(builder.Configuration, builder.Configuration[$"{CollectorOptions.SectionName}:Urls"] ?? new CollectorOptions().Urls));
        var app = builder.Build();
        // First: everything after sees the client behind a trusted proxy (Api:TrustedProxies).
        app.UseApiExposure();
        app.UseSecurityHeaders();
        app.MapCollectorApis();
        return app;
    }

    /// <summary>
    /// Runs <paramref name="app"/> until it stops and returns the process exit code (<see cref="HostExitCode"/>): 0 for
    /// a stop asked for, 78 when an option failed validation (systemd does not restart that), 1 for any other failure
    /// to start or a background service that faulted (systemd restarts it). The caller disposes the app.
    /// </summary>
    public static async Task<int> RunAsync(IHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CollectorApp).FullName!);
        // The host has already logged the exception itself ("Hosting failed to start"); this line gives the outcome.
        var code = await HostExitCode.RunAsync(app, (ex, exit) => CollectorLog.StartFailed(logger, ex.Message, exit));
        foreach (var service in app.Services.GetRequiredService<HostExitCode>().FailedServices) CollectorLog.ServiceFaulted(logger, service, code);
        return code;
    }

    /// <summary>Maps every route of contract.md that exists so far.</summary>
    public static WebApplication MapCollectorApis(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapSitesApi();
        app.MapServiceLevelsApi();
        app.MapClientReportApi();
        app.MapMaintenanceApi();
        app.MapFailoverApi();
        app.MapAlertsApi();
        app.MapMetricsApi();
        app.MapEvidenceApi();
        app.MapClientView();
        app.MapPatchesApi();
        return app;
    }
}
