namespace Chezlepro.Hosting.Systemd;

/// <summary>
/// What a service tells the systemd watchdog: which of its own loops look wedged (pings are withheld while any does,
/// so systemd restarts the process) and the one line <c>systemctl status</c> shows.
/// </summary>
public interface IServiceLiveness
{
    /// <summary>The names of the loops that look wedged at <paramref name="now"/>; empty when every loop turns.</summary>
    /// <param name="now">Current time.</param>
    /// <param name="watchdogInterval">The <c>WatchdogSec=</c> interval: no loop is wedged sooner than that.</param>
    IReadOnlyList<string> Wedged(DateTimeOffset now, TimeSpan watchdogInterval);

    /// <summary>A short status line: counts and names only, never an option value.</summary>
    string Status();
}
