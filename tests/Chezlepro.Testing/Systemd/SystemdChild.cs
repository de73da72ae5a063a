using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Chezlepro.Testing.Systemd;

/// <summary>
/// Starts a service binary the way systemd starts a <c>Type=notify</c> unit: under a parent process named
/// <c>systemd</c> (what <c>SystemdHelpers.IsSystemdService</c> looks at: /proc/&lt;ppid&gt;/comm), with
/// <c>NOTIFY_SOCKET</c> and <c>WATCHDOG_USEC</c>. The parent is a copy of /usr/bin/python3 that forwards SIGTERM
/// (what <c>systemctl stop</c> sends) and exits with the child's code.
/// </summary>
public static class SystemdChild
{
    private const string Launcher = """
        import signal, subprocess, sys
        p = subprocess.Popen(sys.argv[1:])
        signal.signal(signal.SIGTERM, lambda *_: p.send_signal(signal.SIGTERM))
        sys.exit(p.wait())
        """;

    /// <summary>Starts <paramref name="binary"/> with <paramref name="args"/>; its stdout and stderr lines are collected.</summary>
    /// <param name="scratch">A folder for the parent's copy.</param>
    /// <param name="notifySocket">What to put in NOTIFY_SOCKET (<see cref="NotifyListener.Address"/>).</param>
    /// <param name="watchdog">The WatchdogSec= interval the service is told.</param>
    /// <param name="binary">The service's binary.</param>
    /// <param name="args">Its arguments.</param>
    public static (Process Parent, ConcurrentQueue<string> Log) Start(string scratch, string notifySocket, TimeSpan watchdog, string binary, params string[] args)
    {
        var systemd = Path.Combine(scratch, "systemd");
        if (!File.Exists(systemd)) File.Copy(new FileInfo("/usr/bin/python3").ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? "/usr/bin/python3", systemd);
        var psi = new ProcessStartInfo(systemd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", Launcher, binary }.Concat(args)) psi.ArgumentList.Add(a);
        psi.Environment["NOTIFY_SOCKET"] = notifySocket;
        psi.Environment["WATCHDOG_USEC"] = ((long)watchdog.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
        var parent = Process.Start(psi)!;
        var log = new ConcurrentQueue<string>();
        parent.OutputDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) log.Enqueue(e.Data); };
        parent.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) log.Enqueue(e.Data); };
        parent.BeginOutputReadLine();
        parent.BeginErrorReadLine();
        return (parent, log);
    }

    /// <summary>Sends SIGTERM to the parent, which forwards it.</summary>
    public static void Terminate(Process parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        using var kill = Process.Start("kill", ["-TERM", parent.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
