using System.ServiceProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chezlepro.Agent.Hosting;

/// <summary>
/// The process exit code, non-zero after a fatal error. A failed background service stops the host
/// (<see cref="BackgroundServiceExceptionBehavior.StopHost"/>), yet in .NET 10 the host's run still completes
/// normally, so a crashed agent would exit 0 and both systemd (<c>Restart=on-failure</c>) and the Windows service
/// manager (failure actions with <c>failureflag 1</c>) would take the crash for a clean stop. Under the service
/// manager the code also goes into the service's final status, which is what its failure actions read.
/// </summary>
public sealed class FailureExitCode : IHostedService
{
    /// <summary>The exit code of a fatal error.</summary>
    public const int Failure = 1;

    private readonly IServiceProvider _services;

    /// <summary>Creates the tracker.</summary>
    /// <param name="services">The host's services (its background services and lifetime, read at stop).</param>
    public FailureExitCode(IServiceProvider services) => _services = services;

    /// <summary>0, or <see cref="Failure"/> once a fatal error was seen.</summary>
    public int ExitCode { get; private set; }

    /// <summary>The background service whose failure set the code, for the log.</summary>
    public string? FailedService { get; private set; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Runs while the host stops, before its lifetime reports the service stopped.
        var failed = _services.GetServices<IHostedService>().OfType<BackgroundService>().FirstOrDefault(s => s.ExecuteTask is { IsFaulted: true });
        if (failed is not null)
        {
            FailedService = failed.GetType().Name;
            Fail();
        }
        return Task.CompletedTask;
    }

    /// <summary>Records a fatal error.</summary>
    public void Fail()
    {
        ExitCode = Failure;
        if (OperatingSystem.IsWindows() && _services.GetService<IHostLifetime>() is ServiceBase service)
            service.ExitCode = Failure;
    }
}
