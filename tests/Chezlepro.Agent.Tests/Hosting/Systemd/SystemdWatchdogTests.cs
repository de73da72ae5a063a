using Chezlepro.Agent.Hosting.Systemd;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Hosting.Systemd;
using Chezlepro.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting.Systemd;

/// <summary>
/// Our watchdog rule on the library's notifier, beside the library's lifetime as <c>AddSystemd</c> wires them under
/// systemd: READY and STOPPING from the library, WATCHDOG only while every source loop turns, STATUS lines from us.
/// </summary>
public class SystemdWatchdogTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private static IHost Build(FakeSystemdNotifier notifier, TimeProvider clock, AgentState state, TimeSpan? watchdog)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<IServiceLiveness, AgentLiveness>();
        builder.Services.AddSingleton<ISystemdNotifier>(notifier);
        builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
        builder.Services.AddSystemdWatchdog(new SystemdSettings(watchdog));
        return builder.Build();
    }

    [Fact]
    public async Task Host_Lifecycle_ReadyPingsWithheldWhileWedgedThenStopping()
    {
        var notifier = new FakeSystemdNotifier();
        var clock = new FakeTimeProvider();
        var state = new AgentState { StartedAt = clock.GetUtcNow() };
        var victron = new SourceStatus("victron", "victron-gx", TimeSpan.FromSeconds(5)) { LastLoopAt = clock.GetUtcNow() };
        state.Sources.Add(victron);
        using var host = Build(notifier, clock, state, Watchdog);

        await host.StartAsync();
        Assert.Equal(["READY=1", "STATUS=1 sources ok, broker disconnected, 0 published"], await notifier.NextAsync(2));

        // Half the watchdog interval: a ping while the loop turns (its heartbeat 10 s and 20 s old).
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("WATCHDOG=1", await notifier.NextAsync());
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("WATCHDOG=1", await notifier.NextAsync());

        // Heartbeat 30 s old > max(2 × 5 s, 20 s): wedged. A status, no ping, and none on the next tick either.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("STATUS=wedged: victron; 1 sources ok, broker disconnected, 0 published", await notifier.NextAsync());
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await notifier.NextAsync(TimeSpan.FromMilliseconds(500)));

        // The loop turns again: pings resume.
        victron.LastLoopAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.StartsWith("WATCHDOG=1\nSTATUS=1 sources ok", await notifier.NextAsync(), StringComparison.Ordinal);

        await host.StopAsync();
        Assert.Equal(["STATUS=stopping", "STOPPING=1"], await notifier.NextAsync(2));
    }

    [Fact]
    public async Task Host_NoWatchdog_ReadyStatusAndStoppingWithoutPings()
    {
        var notifier = new FakeSystemdNotifier();
        var clock = new FakeTimeProvider();
        using var host = Build(notifier, clock, new AgentState { StartedAt = clock.GetUtcNow() }, null);

        await host.StartAsync();
        Assert.Equal(["READY=1", "STATUS=0 sources ok, broker disconnected, 0 published"], await notifier.NextAsync(2));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.StartsWith("STATUS=0 sources ok", await notifier.NextAsync(), StringComparison.Ordinal);
        await host.StopAsync();
        Assert.Equal(["STATUS=stopping", "STOPPING=1"], await notifier.NextAsync(2));
    }

    [Fact]
    public async Task Host_NotifierDisabled_SendsNothingAndRuns()
    {
        var notifier = new FakeSystemdNotifier(enabled: false);
        var clock = new FakeTimeProvider();
        using var host = Build(notifier, clock, new AgentState(), Watchdog);

        await host.StartAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        // Only the library's own READY and STOPPING reach the (disabled) notifier; the watchdog sends nothing.
        Assert.Equal(2, notifier.Attempts);
    }

    [Fact]
    public async Task Host_SocketGone_WatchdogKeepsTurning()
    {
        // The library's notifier throws when the socket is gone (ours used to swallow it); a ping is advisory.
        var notifier = new FakeSystemdNotifier(failing: true);
        var clock = new FakeTimeProvider();
        var state = new AgentState { StartedAt = clock.GetUtcNow() };
        using var host = Build(notifier, clock, state, Watchdog);
        var watchdog = host.Services.GetServices<IHostedService>().OfType<SystemdWatchdog>().Single();

        await host.StartAsync();
        var started = notifier.Attempts;
        clock.Advance(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => notifier.Attempts > started);
        clock.Advance(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => notifier.Attempts > started + 1);

        Assert.False(watchdog.ExecuteTask!.IsCompleted);
        await host.StopAsync();
        Assert.True(watchdog.ExecuteTask.IsCompletedSuccessfully);
    }

    [Fact]
    public void AddSystemdIntegration_NotStartedBySystemd_AddsNothing()
    {
        var services = new ServiceCollection();

        services.AddSystemdIntegration<AgentLiveness>();

        Assert.Equal(SystemdHelpers.IsSystemdService(), services.Count > 0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition()) await Task.Delay(10, cts.Token);
    }
}
