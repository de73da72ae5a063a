using Chezlepro.Agent.Hosting;
using Chezlepro.Testing;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting;

/// <summary>The collection after start-up, then every period: counted from the host's start, never after a stop.</summary>
public class StartupHeapTrimTests
{
    [Fact]
    public async Task Started_DelayThenEveryPeriod_Collects()
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
        clock.Advance(StartupHeapTrim.Period - TimeSpan.FromSeconds(1));
        Assert.Equal(1, collections);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, collections);
        await trim.StopAsync(default);
        clock.Advance(StartupHeapTrim.Period * 3);
        Assert.Equal(2, collections);
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
