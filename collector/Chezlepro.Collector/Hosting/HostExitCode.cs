using Chezlepro.Collector.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Hosting;

/// <summary>
/// Runs a host to its end and turns how it ended into the process exit code. The generic host stops quietly when a
/// background service faults (the host's <c>RunAsync</c> returns normally), so a bare <c>return 0</c> after it
/// made such a crash look like a clean stop, and systemd's <c>Restart=on-failure</c> left the collector down.
/// </summary>
public static class HostExitCode
{
    /// <summary>A stop that was asked for (SIGTERM, Ctrl-C, <c>StopApplication</c>).</summary>
    public const int Success = 0;

    /// <summary>The host did not start, or a background service faulted and stopped it.</summary>
    public const int Failure = 1;

    /// <summary>
    /// Starts <paramref name="host"/>, waits until it stops and returns <see cref="Failure"/> when it did not start
    /// or a <see cref="BackgroundService"/> faulted; the caller disposes the host.
    /// </summary>
    public static async Task<int> RunAsync(IHost host)
    {
        // Resolved before the start, while the provider is alive: their ExecuteTask is what tells a fault afterwards.
        var services = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostExitCode).FullName!);
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelledEarly = new List<BackgroundService>();
        using var onStopping = lifetime.ApplicationStopping.Register(() =>
        {
            // No service has been told to stop yet (the host stops them after this callback, and StopAsync below
            // waits for it): one already cancelled was cancelled by something else, such as a timeout's
            // OperationCanceledException, which the host treats as a fault.
            cancelledEarly.AddRange(services.Where(s => s.ExecuteTask is { IsCanceled: true }));
            stopping.TrySetResult();
        });
        try
        {
            await host.StartAsync();
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopped while starting: by SIGTERM (a stop asked for) or by a service that faulted meanwhile (below).
        }
        catch (Exception ex)
        {
            // The host has already logged the exception itself ("Hosting failed to start"); this line gives the outcome.
            CollectorLog.StartFailed(logger, ex.Message, Failure);
            return Failure;
        }
        // What WaitForShutdownAsync does, with the snapshot above taken first.
        await stopping.Task;
        await host.StopAsync(CancellationToken.None);
        var faulted = services.Where(s => s.ExecuteTask is { IsFaulted: true }).Union(cancelledEarly).ToList();
        foreach (var service in faulted) CollectorLog.ServiceFaulted(logger, service.GetType().Name, Failure);
        return faulted.Count == 0 ? Success : Failure;
    }
}
