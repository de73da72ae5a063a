using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Forwarding;

/// <summary>Log messages of acknowledged delivery (3100 range).</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Collector {Collector} acknowledged through seq {Through}")]
    public static partial void WatermarkAdvanced(ILogger logger, string collector, long through);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "No watermark progress past seq {Watermark} within the acknowledgement timeout: re-sending every unacknowledged row")]
    public static partial void AckTimedOut(ILogger logger, long watermark);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Ignoring acknowledgements like the one from collector {Collector} for {Site}/{Node} through {Through}: {Why} (a wrong or foreign collector; logged once)")]
    public static partial void AckIgnored(ILogger logger, string collector, string site, string node, long through, string why);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Unreadable acknowledgement ignored: {Error}")]
    public static partial void AckUnreadable(ILogger logger, string error);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Fresh outbox adopted collector {Collector}'s watermark {Through} for this node: sending again from seq {Through} + 1")]
    public static partial void WatermarkAdopted(ILogger logger, string collector, long through);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Fresh outbox: no retained watermark for this node within {Seconds} s of SUBACK (a new node); sending from its own seq 1")]
    public static partial void FreshHoldReleased(ILogger logger, double seconds);
}
