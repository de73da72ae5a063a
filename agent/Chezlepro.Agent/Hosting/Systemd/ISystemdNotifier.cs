namespace Chezlepro.Agent.Hosting.Systemd;

/// <summary>Sends sd_notify state lines (<c>READY=1</c>, <c>STATUS=…</c>, <c>WATCHDOG=1</c>, <c>STOPPING=1</c>).</summary>
public interface ISystemdNotifier
{
    /// <summary>True when there is a socket to notify.</summary>
    bool IsEnabled { get; }

    /// <summary>Sends one datagram of newline-separated assignments; false when it could not be sent.</summary>
    bool Notify(string state);
}
