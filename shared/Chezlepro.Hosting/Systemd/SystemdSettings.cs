using System.Globalization;

namespace Chezlepro.Hosting.Systemd;

/// <summary>
/// The watchdog interval systemd gave this process (sd_watchdog_enabled(3)). The notify socket itself is the
/// library's business (<c>SystemdNotifier</c> reads <c>NOTIFY_SOCKET</c>).
/// </summary>
/// <param name="WatchdogInterval">The <c>WatchdogSec=</c> interval meant for this process, or null when the watchdog is off.</param>
public sealed record SystemdSettings(TimeSpan? WatchdogInterval)
{
    /// <summary>Reads the settings of the current process.</summary>
    public static SystemdSettings FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable, Environment.ProcessId);

    /// <summary>Reads the settings from <paramref name="getVariable"/> for the process <paramref name="pid"/>.</summary>
    public static SystemdSettings Parse(Func<string, string?> getVariable, int pid)
    {
        // WATCHDOG_PID, when present, names the process the watchdog is for (a child started by the service must
        // not ping on its parent's behalf).
        var watchdogPid = getVariable("WATCHDOG_PID");
        var forUs = string.IsNullOrEmpty(watchdogPid)
            || (int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p == pid);
        if (forUs && long.TryParse(getVariable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0)
            return new SystemdSettings(TimeSpan.FromMicroseconds(usec));
        return new SystemdSettings((TimeSpan?)null);
    }
}
