using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Outbox;

/// <summary>Log messages of acknowledged delivery's outbox side (2100 range).</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Outbox {Path} rewritten for incremental vacuum in {ElapsedMs} ms (one time)")]
    public static partial void Vacuumed(ILogger logger, string path, long elapsedMs);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Outbox evicted {Rows} unacknowledged rows by {Reason} (seq {From}..{To}); gaps notice seq {NoticeSeq} appended")]
    public static partial void GapsNoticeAppended(ILogger logger, long rows, string reason, long from, long to, long noticeSeq);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Outbox gave {Pages} free pages back to the file system")]
    public static partial void PagesReleased(ILogger logger, long pages);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "Watermark {Through} deleted {Rows} acknowledged rows")]
    public static partial void Acknowledged(ILogger logger, long through, int rows);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Fresh outbox adopted the node's watermark {Through} (outbox file lost or replaced): {Rows} kept rows renumbered above it, next seq {NextSeq}")]
    public static partial void Adopted(ILogger logger, long through, long rows, long nextSeq);
}
