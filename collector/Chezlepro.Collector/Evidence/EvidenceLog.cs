using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Evidence;

/// <summary>Log lines of the evidence journal.</summary>
internal static partial class EvidenceLog
{
    [LoggerMessage(EventId = 8700, Level = LogLevel.Information, Message = "Evidence head {Date}: {Records} records, head {Head}")]
    public static partial void Head(ILogger logger, string date, long records, string head);

    [LoggerMessage(EventId = 8701, Level = LogLevel.Warning, Message = "Publishing the evidence head of {Date} failed, kept for the next round: {Error}")]
    public static partial void HeadPublishFailed(ILogger logger, string date, string error);

    [LoggerMessage(EventId = 8702, Level = LogLevel.Information, Message = "Evidence journal pruned: {Count} records older than {Cutoff}")]
    public static partial void Pruned(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 8703, Level = LogLevel.Warning, Message = "Evidence record {Kind} {Subject} not appended: {Error}")]
    public static partial void AppendFailed(ILogger logger, string kind, string subject, string error);

    [LoggerMessage(EventId = 8704, Level = LogLevel.Information, Message = "Contract configuration changed: fingerprint {Old} -> {New}")]
    public static partial void ContractChanged(ILogger logger, string old, string @new);
}
