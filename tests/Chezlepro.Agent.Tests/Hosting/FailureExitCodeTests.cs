using Chezlepro.Agent.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting;

/// <summary>The exit code <see cref="AgentApp.RunAsync"/> returns: what systemd and the service manager see.</summary>
public class FailureExitCodeTests
{
    private static IHost Build(Action<IServiceCollection> add)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<FailureExitCode>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FailureExitCode>());
        add(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task RunAsync_BackgroundServiceFails_HostStopsAndExitCodeIsFailure()
    {
        using var host = Build(s => s.AddHostedService<FailingLoop>());
        var exitCode = host.Services.GetRequiredService<FailureExitCode>();

        var code = await AgentApp.RunAsync(host).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(FailureExitCode.Failure, code);
        Assert.Equal(nameof(FailingLoop), exitCode.FailedService);
    }

    [Fact]
    public async Task RunAsync_StoppedCleanly_ExitCodeZero()
    {
        using var host = Build(s => s.AddHostedService<StoppingLoop>());

        Assert.Equal(0, await AgentApp.RunAsync(host).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task RunAsync_StartFails_ExitCodeIsFailureNotAnException()
    {
        using var host = Build(s => s.AddHostedService<FailingStart>());

        Assert.Equal(FailureExitCode.Failure, await AgentApp.RunAsync(host).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private sealed class FailingLoop : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the outbox disk is gone");
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
        public Task StartAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("Agent:Site = '': must match …");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
