using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Patches;

/// <summary>Log messages of the <c>patches</c> source (63xx).</summary>
internal static partial class PatchesLog
{
    [LoggerMessage(EventId = 6351, Level = LogLevel.Warning, Message = "Patches source {SourceName}: the apt simulation failed ({Reason}); stderr: {Error}")]
    public static partial void SimulationFailed(ILogger logger, string sourceName, string reason, string error);

    [LoggerMessage(EventId = 6352, Level = LogLevel.Warning, Message = "Patches source {SourceName}: cannot read {Path} ({Error})")]
    public static partial void HistoryUnreadable(ILogger logger, string sourceName, string path, string error);
}
