using Chezlepro.Hosting.Lifetime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Chezlepro.Hosting.Tests.Lifetime;

/// <summary>The exit code both services return: what systemd and the Windows service manager see.</summary>
public class HostExitCodeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly List<(string Error, int Code)> _startFailures = [];

    private static IHost Build(Action<IServiceCollection> add)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddHostExitCode();
        add(builder.Services);
        return builder.Build();
    }

    private Task<int> RunAsync(IHost host) => HostExitCode.RunAsync(host, (ex, code) => _startFailures.Add((ex.Message, code))).WaitAsync(Timeout);

    [Fact]
    public async Task BackgroundServiceFails_HostStopsAndExitCodeIsFailure()
    {
        using var host = Build(s => s.AddHostedService<FailingLoop>());

        var code = await RunAsync(host);

        Assert.Equal(HostExitCode.Failure, code);
        Assert.Equal([nameof(FailingLoop)], host.Services.GetRequiredService<HostExitCode>().FailedServices);
        Assert.Empty(_startFailures);
    }

    [Fact]
    public async Task BackgroundServiceCancelledByATimeout_ExitCodeIsFailure()
    {
        // The host treats a cancellation it did not ask for as a fault (and stops); so must the exit code.
        using var host = Build(s => s.AddHostedService<TimedOutLoop>());

        Assert.Equal(HostExitCode.Failure, await RunAsync(host));
        Assert.Equal([nameof(TimedOutLoop)], host.Services.GetRequiredService<HostExitCode>().FailedServices);
    }

    [Fact]
    public async Task StoppedCleanly_ExitCodeZero()
    {
        using var host = Build(s => s.AddHostedService<StoppingLoop>());

        Assert.Equal(HostExitCode.Success, await RunAsync(host));
        Assert.Empty(host.Services.GetRequiredService<HostExitCode>().FailedServices);
    }

    [Fact]
    public async Task StartFails_ExitCodeIsFailureNotAnException()
    {
        using var host = Build(s => s.AddHostedService<FailingStart>());

        Assert.Equal(HostExitCode.Failure, await RunAsync(host));
        Assert.Equal([("the store is unreachable", HostExitCode.Failure)], _startFailures);
    }

    [Fact]
    public async Task OptionFailsValidationAtStart_ExitCodeIsBadConfiguration()
    {
        // 78 is in the units' RestartPreventExitStatus=: restarting cannot mend a configuration.
        using var host = Build(s => s.AddOptions<Sample>().Validate(o => o.Site.Length > 0, "Agent:Site = '': must not be empty.").ValidateOnStart());

        Assert.Equal(HostExitCode.BadConfiguration, await RunAsync(host));
        Assert.Equal([("Agent:Site = '': must not be empty.", 78)], _startFailures);
    }

    private sealed class Sample
    {
        public string Site { get; set; } = "";
    }

    private sealed class FailingLoop : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the outbox disk is gone");
        }
    }

    private sealed class TimedOutLoop : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new TaskCanceledException("an HTTP call timed out");
        }
    }

    private sealed class StoppingLoop(IHostApplicationLifetime lifetime) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            lifetime.StopApplication();
        }
    }

    private sealed class FailingStart : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("the store is unreachable");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
