using Chezlepro.Agent.Hosting;
using Chezlepro.Testing;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting;

/// <summary>The one collection after start-up: counted from the host's start, once, never after a stop.</summary>
public class StartupHeapTrimTests
{
    [Fact]
    public async Task Started_DelayElapses_CollectsOnceOnly()
    {
        var clock = new FakeTimeProvider();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var collections = 0;
        using var trim = new StartupHeapTrim(lifetime, clock, NullLogger<StartupHeapTrim>.Instance, () => collections++);

        await trim.StartAsync(default);
        // Hosted services start before the host reports started: the delay counts from the latter.
        clock.Advance(StartupHeapTrim.Delay * 2);
        Assert.Equal(0, collections);
        lifetime.NotifyStarted();
        clock.Advance(StartupHeapTrim.Delay - TimeSpan.FromSeconds(1));
        Assert.Equal(0, collections);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, collections);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, collections);
        await trim.StopAsync(default);
    }

    [Fact]
    public async Task StoppedBeforeDelay_NeverCollects()
    {
        var clock = new FakeTimeProvider();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var collections = 0;
        using var trim = new StartupHeapTrim(lifetime, clock, NullLogger<StartupHeapTrim>.Instance, () => collections++);

        await trim.StartAsync(default);
        lifetime.NotifyStarted();
        await trim.StopAsync(default);
        clock.Advance(StartupHeapTrim.Delay * 2);
        Assert.Equal(0, collections);
    }
}
