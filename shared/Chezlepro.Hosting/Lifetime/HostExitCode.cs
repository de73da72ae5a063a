using System.ServiceProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chezlepro.Hosting.Lifetime;

/// <summary>
/// The process exit code of both services, which is what systemd (<c>Restart=on-failure</c>,
/// <c>RestartPreventExitStatus=</c>) and the Windows service manager (failure actions with <c>failureflag 1</c>) read.
/// A failed background service stops the host (<see cref="BackgroundServiceExceptionBehavior.StopHost"/>), yet the
/// host's run still completes normally, so without this a crash would exit 0 and look like a clean stop.
/// Register it first (<see cref="HostExitCodeExtensions.AddHostExitCode"/>): hosted services stop in reverse order, so it stops last, once
/// every other service has ended, and still before the Windows service lifetime reports the final status.
/// </summary>
public sealed class HostExitCode : IHostedService
{
    /// <summary>A stop that was asked for (SIGTERM, Ctrl-C, <c>StopApplication</c>).</summary>
    public const int Success = 0;

    /// <summary>A fatal error: the host did not start (store unreachable…) or a background service faulted; restarting may help.</summary>
    public const int Failure = 1;

    /// <summary>
    /// An option failed its start-up validation: restarting cannot help until someone edits the configuration. 78 is
    /// <c>EX_CONFIG</c> of sysexits.h (systemd.exec(5) names it <c>CONFIG</c>); the units list it in
    /// <c>RestartPreventExitStatus=</c> so a bad configuration does not restart-loop forever.
    /// </summary>
    public const int BadConfiguration = 78;

    private readonly IServiceProvider _services;
    private readonly List<string> _failed = [];
    private List<BackgroundService> _background = [];
    private CancellationTokenRegistration _onStopping;

    /// <summary>Creates the tracker.</summary>
    /// <param name="services">The host's services (its background services and lifetime).</param>
    public HostExitCode(IServiceProvider services) => _services = services;

    /// <summary><see cref="Success"/>, or the code of the first fatal error seen.</summary>
    public int ExitCode { get; private set; }

    /// <summary>The background services whose fault stopped the host, for the log.</summary>
    public IReadOnlyList<string> FailedServices => _failed;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _background = _services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        var lifetime = _services.GetRequiredService<IHostApplicationLifetime>();
        _onStopping = lifetime.ApplicationStopping.Register(() =>
        {
            // No service has been told to stop yet (the host stops them after this callback): one already cancelled
            // was cancelled by something else, such as a timeout's OperationCanceledException, which the host treats
            // as a fault.
            foreach (var s in _background.Where(s => s.ExecuteTask is { IsCanceled: true })) Failed(s);
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _onStopping.Dispose();
        foreach (var s in _background.Where(s => s.ExecuteTask is { IsFaulted: true })) Failed(s);
        return Task.CompletedTask;
    }

    /// <summary>Records a fatal error (the first code recorded stays).</summary>
    /// <param name="code"><see cref="Failure"/> or <see cref="BadConfiguration"/>.</param>
    public void Fail(int code = Failure)
    {
        if (ExitCode != Success) return;
        ExitCode = code;
        if (OperatingSystem.IsWindows() && _services.GetService<IHostLifetime>() is ServiceBase service) service.ExitCode = code;
    }

    /// <summary>
    /// Starts <paramref name="host"/> (which must have <see cref="HostExitCodeExtensions.AddHostExitCode"/>), waits until it stops and
    /// returns the exit code; a start that throws is not rethrown but turned into <see cref="BadConfiguration"/>
    /// (an option failed validation) or <see cref="Failure"/>, given to <paramref name="startFailed"/> for the log
    /// while the providers still exist. The caller disposes the host.
    /// </summary>
    /// <param name="host">The host.</param>
    /// <param name="startFailed">Logs a start-up failure with the exit code it caused.</param>
    public static async Task<int> RunAsync(IHost host, Action<Exception, int> startFailed)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(startFailed);
        var tracker = host.Services.GetRequiredService<HostExitCode>();
        try
        {
            await host.StartAsync();
        }
        catch (OperationCanceledException) when (host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            // Stopped while starting: by SIGTERM (a stop asked for) or by a service that faulted meanwhile (seen at stop).
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            tracker.Fail(ex is OptionsValidationException ? BadConfiguration : Failure);
            startFailed(ex, tracker.ExitCode);
            return tracker.ExitCode;
        }
        await host.WaitForShutdownAsync();
        return tracker.ExitCode;
    }

    private void Failed(BackgroundService service)
    {
        var name = service.GetType().Name;
        lock (_failed)
        {
            if (!_failed.Contains(name)) _failed.Add(name);
        }
        Fail();
    }
}
