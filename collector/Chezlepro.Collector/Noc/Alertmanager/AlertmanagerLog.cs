using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Noc.Alertmanager;

/// <summary>Log messages of the Alertmanager sink (8480-8489, in the NOC's range); never a credential.</summary>
internal static partial class AlertmanagerLog
{
    [LoggerMessage(EventId = 8480, Level = LogLevel.Information, Message = "NOC alerts also go to Alertmanager at {Url} (re-sent every {ResendInterval})")]
    public static partial void Enabled(ILogger logger, string url, TimeSpan resendInterval);

    [LoggerMessage(EventId = 8481, Level = LogLevel.Warning, Message = "Alertmanager did not take {Count} alert(s), kept for the next try: {Error}")]
    public static partial void SendFailed(ILogger logger, int count, string error);

    [LoggerMessage(EventId = 8482, Level = LogLevel.Information, Message = "Alertmanager reachable again; {Count} alert(s) sent")]
    public static partial void Recovered(ILogger logger, int count);
}
