using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Chezlepro.Hosting.Lifetime;
using Chezlepro.Testing;
using Chezlepro.Testing.Systemd;
using Xunit;

namespace Chezlepro.Collector.Tests.Hosting.Systemd;

/// <summary>
/// The collector's binary started as systemd starts it under <c>Type=notify</c> and <c>WatchdogSec=</c>: a parent
/// process named <c>systemd</c> (what the library's <c>SystemdHelpers.IsSystemdService</c> looks at),
/// <c>NOTIFY_SOCKET</c> and <c>WATCHDOG_USEC</c>. READY, periodic WATCHDOG pings, STOPPING on SIGTERM and the exit
/// codes <c>Restart=on-failure</c> and <c>RestartPreventExitStatus=78</c> read.
/// </summary>
[Trait("Category", "Integration")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CollectorUnderSystemdTests : IDisposable
{
    // Forwards SIGTERM (what systemctl stop sends) to the collector and exits with the collector's code.
    private const string Launcher = """
        import signal, subprocess, sys
        p = subprocess.Popen(sys.argv[1:])
        signal.signal(signal.SIGTERM, lambda *_: p.send_signal(signal.SIGTERM))
        sys.exit(p.wait())
        """;

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("collector-systemd-");

    [Fact]
    public async Task StartedBySystemd_ReadyPeriodicWatchdogThenStoppingAndExitZero()
    {
        using var notify = NotifyListener.Abstract();
        var (launcher, log) = Start(notify.Address);

        var seen = new List<string>();
        await ReceiveUntilAsync(notify, seen, l => l == "READY=1", log);
        // WATCHDOG_USEC is 2 s: a ping every second, so a second one shows they are periodic, not a one-off.
        await ReceiveUntilAsync(notify, seen, l => l.StartsWith("WATCHDOG=1", StringComparison.Ordinal), log);
        await ReceiveUntilAsync(notify, seen, l => l.StartsWith("WATCHDOG=1", StringComparison.Ordinal), log);
        Signal(launcher, "TERM");
        await ReceiveUntilAsync(notify, seen, l => l == "STOPPING=1", log);
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

    private (Process Launcher, ConcurrentQueue<string> Log) Start(string notifySocket, params string[] extra)
    {
        var binary = Path.Combine(AppContext.BaseDirectory, "chezlepro-collector");
        // The library recognises systemd by its parent's name (/proc/<ppid>/comm), so the parent is a Python named so.
        var systemd = Path.Combine(_scratch.FullName, "systemd");
        File.Copy(new FileInfo("/usr/bin/python3").ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? "/usr/bin/python3", systemd);
        var psi = new ProcessStartInfo(systemd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", Launcher, binary, $"--Collector:DataDirectory={_scratch.FullName}",
                     $"--Collector:Urls=http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
                     $"--Mqtt:Port={FreePort.Next().ToString(CultureInfo.InvariantCulture)}", "--Logging:File:Enabled=false" }.Concat(extra))
            psi.ArgumentList.Add(a);
        psi.Environment["NOTIFY_SOCKET"] = notifySocket;
        psi.Environment["WATCHDOG_USEC"] = "2000000";
        var launcher = Process.Start(psi)!;
        var log = new ConcurrentQueue<string>();
        launcher.OutputDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) log.Enqueue(e.Data); };
        launcher.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) log.Enqueue(e.Data); };
        launcher.BeginOutputReadLine();
        launcher.BeginErrorReadLine();
        return (launcher, log);
    }

    private static async Task ReceiveUntilAsync(NotifyListener notify, List<string> seen, Func<string, bool> wanted, ConcurrentQueue<string> log)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await notify.NextAsync(TimeSpan.FromSeconds(5)) is not { } datagram) continue;
            seen.Add(datagram);
            if (wanted(datagram)) return;
        }
        Assert.Fail("not received in 60 s; received: " + string.Join(" | ", seen) + "\nlog:\n" + string.Join('\n', log));
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
