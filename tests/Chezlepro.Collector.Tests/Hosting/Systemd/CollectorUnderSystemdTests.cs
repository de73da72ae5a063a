using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Chezlepro.Hosting.Lifetime;
using Chezlepro.Testing;
using Chezlepro.Testing.Systemd;
using Xunit;

namespace Chezlepro.Collector.Tests.Hosting.Systemd;

/// <summary>
/// The collector's binary started as systemd starts it under <c>Type=notify</c> and <c>WatchdogSec=</c>
/// (<see cref="SystemdChild"/>). READY, periodic WATCHDOG pings, STOPPING on SIGTERM and the exit
/// codes <c>Restart=on-failure</c> and <c>RestartPreventExitStatus=78</c> read.
/// </summary>
[Trait("Category", "Integration")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CollectorUnderSystemdTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("collector-systemd-");

    [Fact]
    public async Task StartedBySystemd_ReadyPeriodicWatchdogThenStoppingAndExitZero()
    {
        using var notify = NotifyListener.Abstract();
        var (launcher, log) = Start(notify.Address);

        var seen = new List<string>();
        await notify.ReceiveUntilAsync(seen, l => l == "READY=1", log);
        // WatchdogSec is 2 s: a ping every second, so a second one shows they are periodic, not a one-off.
        await notify.ReceiveUntilAsync(seen, l => l.StartsWith("WATCHDOG=1", StringComparison.Ordinal), log);
        await notify.ReceiveUntilAsync(seen, l => l.StartsWith("WATCHDOG=1", StringComparison.Ordinal), log);
        SystemdChild.Terminate(launcher);
        await notify.ReceiveUntilAsync(seen, l => l == "STOPPING=1", log);
        await launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HostExitCode.Success, launcher.ExitCode);
        // Nothing listens on the broker port: the client is reconnecting, which is alive.
        Assert.Contains(seen, l => l.StartsWith("STATUS=broker disconnected, ", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, l => l.Contains("wedged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartedBySystemd_InvalidOption_ExitBadConfigurationWithoutReady()
    {
        using var notify = NotifyListener.Abstract();
        var (launcher, log) = Start(notify.Address, "--Failover:Interval=01:00:00");

        await launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HostExitCode.BadConfiguration, launcher.ExitCode);
        Assert.Contains(log, l => l.Contains("Failover:Interval = 01:00:00", StringComparison.Ordinal));
        Assert.Null(await notify.NextAsync(TimeSpan.FromMilliseconds(200)));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    private (Process Launcher, ConcurrentQueue<string> Log) Start(string notifySocket, params string[] extra) =>
        SystemdChild.Start(_scratch.FullName, notifySocket, TimeSpan.FromSeconds(2), Path.Combine(AppContext.BaseDirectory, "chezlepro-collector"),
        [
            $"--Collector:DataDirectory={_scratch.FullName}", $"--Collector:Urls=http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--Mqtt:Port={FreePort.Next().ToString(CultureInfo.InvariantCulture)}", "--Logging:File:Enabled=false", .. extra,
        ]);
}
