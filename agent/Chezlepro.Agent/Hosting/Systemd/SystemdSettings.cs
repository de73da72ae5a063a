using System.Globalization;

namespace Chezlepro.Agent.Hosting.Systemd;

/// <summary>What systemd told this process through its environment (sd_notify(3), sd_watchdog_enabled(3)).</summary>
/// <param name="NotifySocket">The <c>NOTIFY_SOCKET</c> path (<c>@</c> for the abstract namespace), or null outside <c>Type=notify</c>.</param>
/// <param name="WatchdogInterval">The <c>WatchdogSec=</c> interval meant for this process, or null when the watchdog is off.</param>
public sealed record SystemdSettings(string? NotifySocket, TimeSpan? WatchdogInterval)
{
    /// <summary>Reads the settings of the current process.</summary>
    public static SystemdSettings FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable, Environment.ProcessId);

    /// <summary>Reads the settings from <paramref name="getVariable"/> for the process <paramref name="pid"/>.</summary>
    public static SystemdSettings Parse(Func<string, string?> getVariable, int pid)
    {
        var socket = getVariable("NOTIFY_SOCKET");
        if (string.IsNullOrWhiteSpace(socket)) return new SystemdSettings(null, null);
        TimeSpan? watchdog = null;
        // sd_watchdog_enabled: WATCHDOG_PID, when present, names the process the watchdog is for (a child
        // started by the service must not ping on its parent's behalf).
        var watchdogPid = getVariable("WATCHDOG_PID");
        var forUs = string.IsNullOrEmpty(watchdogPid)
            || (int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p == pid);
        if (forUs && long.TryParse(getVariable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0)
            watchdog = TimeSpan.FromMicroseconds(usec);
        return new SystemdSettings(socket, watchdog);
    }
}
