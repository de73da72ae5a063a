using System.Globalization;
using Chezlepro.Collector.Hosting;
using Chezlepro.Hosting.Lifetime;
using Chezlepro.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Chezlepro.Collector.Tests.Hosting;

/// <summary>
/// The collector's exit code, on hosts built exactly as <c>Program</c> builds them: systemd's
/// <c>Restart=on-failure</c> restarts the collector only when it exits non-zero.
/// </summary>
public sealed class HostExitCodeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("exit-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task BackgroundServiceFaultsOutsideAnyLoop_StopsTheCollector_ExitCodeIsFailure()
    {
        var fault = new StartedThen(lifetime => throw new InvalidOperationException("unexpected fault outside any contained loop"));
        await using var app = CollectorApp.Build(Args(), Add(fault));

        var code = await CollectorApp.RunAsync(app).WaitAsync(Timeout);

        // The collector had started (so the fault, not the start, stopped it) and the host did stop.
        Assert.True(fault.Ran);
        Assert.Equal(HostExitCode.Failure, code);
    }

    [Fact]
    public async Task BackgroundServiceCancelledByATimeout_StopsTheCollector_ExitCodeIsFailure()
    {
        // The host treats a cancellation it did not ask for as a fault; so must the exit code.
        var timeout = new StartedThen(lifetime => throw new TaskCanceledException("an HTTP call timed out"));
        await using var app = CollectorApp.Build(Args(), Add(timeout));

        var code = await CollectorApp.RunAsync(app).WaitAsync(Timeout);

        Assert.True(timeout.Ran);
        Assert.Equal(HostExitCode.Failure, code);
    }

    [Fact]
    public async Task StopAskedFor_ExitCodeIsSuccess()
    {
        var stop = new StartedThen(lifetime => lifetime.StopApplication());
        await using var app = CollectorApp.Build(Args(), Add(stop));

        var code = await CollectorApp.RunAsync(app).WaitAsync(Timeout);

        Assert.True(stop.Ran);
        Assert.Equal(HostExitCode.Success, code);
    }

    [Fact]
    public async Task Main_StoreUnreachableAtStart_ReturnsNonZero()
    {
        // A PostgreSQL store on a port nobody listens on: opening it at start fails (connection refused).
        var store = $"Host=127.0.0.1;Port={FreePort.Next().ToString(CultureInfo.InvariantCulture)};Username=collector;Password=unused;Timeout=5";

        var code = await Program.Main([.. Args(), "--Collector:Store=postgres", $"--Collector:ConnectionString={store}"]).WaitAsync(Timeout);

        // 1, not 78: the store may come back, so systemd restarts the collector.
        Assert.Equal(HostExitCode.Failure, code);
    }

    [Fact]
    public async Task Main_OptionFailsValidation_ReturnsBadConfiguration()
    {
        var code = await Program.Main([.. Args(), "--Failover:Interval=01:00:00"]).WaitAsync(Timeout);

        Assert.Equal(HostExitCode.BadConfiguration, code);
    }

    private string[] Args() =>
    [
        $"--Collector:DataDirectory={_dir}", "--Collector:Urls=http://127.0.0.1:0",
        // No broker there: the collector starts anyway and keeps retrying in the background.
        $"--Mqtt:Port={FreePort.Next().ToString(CultureInfo.InvariantCulture)}", "--Logging:File:Enabled=false",
    ];

    private static Action<IServiceCollection> Add(StartedThen service) =>
        s => s.AddHostedService(sp => service.On(sp.GetRequiredService<IHostApplicationLifetime>()));

    /// <summary>Waits until the whole host has started, then runs its action once, outside any contained loop.</summary>
    private sealed class StartedThen(Action<IHostApplicationLifetime> action) : BackgroundService
    {
        public bool Ran { get; private set; }

        private IHostApplicationLifetime? _lifetime;

        public StartedThen On(IHostApplicationLifetime lifetime)
        {
            _lifetime = lifetime;
            return this;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (_lifetime!.ApplicationStarted.Register(() => started.TrySetResult()))
                await started.Task.WaitAsync(stoppingToken);
            Ran = true;
            action(_lifetime);
        }
    }
}
