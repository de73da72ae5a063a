using Microsoft.Extensions.Logging;

namespace Chezlepro.Hosting.Systemd;

// 11xx: service-manager integration, beside the agent's scheduling range (the collector's own events are 8xxx, so
// both services' journals name these the same way).
internal static partial class SystemdLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "systemd notify socket in use; watchdog every {WatchdogInterval}")]
    public static partial void Enabled(ILogger logger, TimeSpan? watchdogInterval);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Loop(s) {Loops} wedged: watchdog pings withheld so that systemd restarts the service")]
    public static partial void Wedged(ILogger logger, string loops);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Loops alive again; watchdog pings resumed")]
    public static partial void Resumed(ILogger logger);
}
