using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Hosting.Systemd;

// 11xx: service-manager integration, beside the scheduling range it watches over.
internal static partial class SystemdLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "systemd notify socket in use; watchdog every {WatchdogInterval}")]
    public static partial void Enabled(ILogger logger, TimeSpan? watchdogInterval);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Source loop(s) {Sources} wedged: watchdog pings withheld so that systemd restarts the agent")]
    public static partial void Wedged(ILogger logger, string sources);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Source loops alive again; watchdog pings resumed")]
    public static partial void Resumed(ILogger logger);
}
