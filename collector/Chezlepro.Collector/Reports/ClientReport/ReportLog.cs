using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>Log messages of the client report (8500-8509).</summary>
internal static partial class ReportLog
{
    [LoggerMessage(EventId = 8500, Level = LogLevel.Information, Message = "Client report PDF printed by {Chromium} in {ElapsedMs} ms ({Bytes} bytes)")]
    public static partial void Printed(ILogger logger, string chromium, long elapsedMs, long bytes);

    [LoggerMessage(EventId = 8501, Level = LogLevel.Warning, Message = "No Chromium to print the client report (Reports:ChromiumPath = {Configured}); install the Debian package chromium")]
    public static partial void ChromiumMissing(ILogger logger, string configured);

    [LoggerMessage(EventId = 8502, Level = LogLevel.Warning, Message = "Chromium {Chromium} failed to print the client report (exit {ExitCode}): {Error}")]
    public static partial void PrintFailed(ILogger logger, string chromium, int exitCode, string error);

    [LoggerMessage(EventId = 8503, Level = LogLevel.Warning, Message = "Chromium {Chromium} did not print the client report within {Timeout}; stopped")]
    public static partial void PrintTimedOut(ILogger logger, string chromium, TimeSpan timeout);

    [LoggerMessage(EventId = 8504, Level = LogLevel.Warning, Message = "Could not remove the client report's temporary directory {Directory}: {Error}")]
    public static partial void CleanupFailed(ILogger logger, string directory, string error);
}
