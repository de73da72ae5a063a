using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Failover;

/// <summary>Log messages of failover decisions (8401-8449).</summary>
internal static partial class FailoverLog
{
    [LoggerMessage(EventId = 8401, Level = LogLevel.Warning, Message = "Failover decision for {Group}: epoch {Epoch}, active {Active}, previous {Previous}, mode {Mode}, reason {Reason}")]
    public static partial void Decided(ILogger logger, string group, long epoch, string active, string? previous, string mode, string reason);

    [LoggerMessage(EventId = 8402, Level = LogLevel.Error, Message = "Publishing the failover decision of {Group} epoch {Epoch} failed, retrying next round: {Error}")]
    public static partial void PublishFailed(ILogger logger, string group, long epoch, string error);

    [LoggerMessage(EventId = 8403, Level = LogLevel.Information, Message = "Failover group {Group} resumes at epoch {Epoch}, active {Active}")]
    public static partial void Resumed(ILogger logger, string group, long epoch, string active);

    [LoggerMessage(EventId = 8405, Level = LogLevel.Warning, Message = "Failover of {Group} blocked: primary down but secondary unavailable")]
    public static partial void Blocked(ILogger logger, string group);

    [LoggerMessage(EventId = 8406, Level = LogLevel.Information, Message = "Advisory decision of {Group} epoch {Epoch} lapsed: its condition no longer holds")]
    public static partial void Lapsed(ILogger logger, string group, long epoch);




    [LoggerMessage(EventId = 8410, Level = LogLevel.Warning, Message = "Failover decision of {Group} epoch {Epoch} refused by the audit log, not published; re-reading the log: {Error}")]
    public static partial void AppendRefused(ILogger logger, string group, long epoch, string error);

    [LoggerMessage(EventId = 8411, Level = LogLevel.Information, Message = "Failover group {Group} follows the shared audit log at epoch {Epoch}, active {Active}")]
    public static partial void Followed(ILogger logger, string group, long epoch, string active);
}
