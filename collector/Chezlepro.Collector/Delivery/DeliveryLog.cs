using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Delivery;

/// <summary>Log messages of the delivery watermark (8460-8469).</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 8460, Level = LogLevel.Warning, Message = "Publishing the watermark of {Site}/{Node} (through {Through}) failed, retried in {RetrySeconds} s: {Error}")]
    public static partial void PublishFailed(ILogger logger, string site, string node, long through, double retrySeconds, string error);

    [LoggerMessage(EventId = 8461, Level = LogLevel.Debug, Message = "Watermark of {Site}/{Node} published: through {Through}")]
    public static partial void Published(ILogger logger, string site, string node, long through);

    [LoggerMessage(EventId = 8462, Level = LogLevel.Warning, Message = "Reading watermarks after a stored batch failed; the next batch publishes them: {Error}")]
    public static partial void ReadFailed(ILogger logger, string error);
}
