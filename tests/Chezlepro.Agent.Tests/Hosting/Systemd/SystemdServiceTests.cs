using Chezlepro.Agent.Hosting.Systemd;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting.Systemd;

public class SystemdServiceTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Host_Lifecycle_ReadyPingsWithheldWhileWedgedThenStopping()
    {
        using var listener = NotifyListener.OnFile();
        var clock = new FakeTimeProvider();
        var state = new AgentState { StartedAt = clock.GetUtcNow() };
        var victron = new SourceStatus("victron", "victron-gx", TimeSpan.FromSeconds(5)) { LastLoopAt = clock.GetUtcNow() };
        state.Sources.Add(victron);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(state);
        builder.Services.AddSystemdIntegration(new SystemdSettings(listener.Address, Watchdog));
        using var host = builder.Build();

        await host.StartAsync();
        var ready = await listener.NextAsync();
        Assert.NotNull(ready);
        Assert.StartsWith("READY=1\nSTATUS=1 sources ok, broker disconnected", ready, StringComparison.Ordinal);

        // Half the watchdog interval: a ping while the loop turns (its heartbeat 10 s and 20 s old).
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("WATCHDOG=1", await listener.NextAsync());
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("WATCHDOG=1", await listener.NextAsync());

        // Heartbeat 30 s old > max(2 × 5 s, 20 s): wedged. A status, no ping, and none on the next tick either.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("STATUS=wedged: victron; 1 sources ok, broker disconnected", await listener.NextAsync());
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await listener.NextAsync(TimeSpan.FromMilliseconds(500)));

        // The loop turns again: pings resume.
        victron.LastLoopAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.StartsWith("WATCHDOG=1\nSTATUS=1 sources ok", await listener.NextAsync(), StringComparison.Ordinal);

        await host.StopAsync();
        Assert.Equal("STOPPING=1\nSTATUS=stopping", await listener.NextAsync());
    }

    [Fact]
    public async Task Host_NoWatchdog_ReadyAndStoppingWithoutPings()
    {
        using var listener = NotifyListener.Abstract();
        var clock = new FakeTimeProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(new AgentState { StartedAt = clock.GetUtcNow() });
        builder.Services.AddSystemdIntegration(new SystemdSettings(listener.Address, null));
        using var host = builder.Build();

        await host.StartAsync();
        Assert.StartsWith("READY=1\n", await listener.NextAsync(), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.StartsWith("STATUS=0 sources ok", await listener.NextAsync(), StringComparison.Ordinal);
        await host.StopAsync();
        Assert.Equal("STOPPING=1\nSTATUS=stopping", await listener.NextAsync());
    }

    [Fact]
    public async Task Host_NotUnderSystemd_SendsNothingAndRuns()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new AgentState());
        builder.Services.AddSystemdIntegration(new SystemdSettings(null, null));
        using var host = builder.Build();

        await host.StartAsync();
        Assert.False(host.Services.GetRequiredService<ISystemdNotifier>().IsEnabled);
        await host.StopAsync();
    }
}
