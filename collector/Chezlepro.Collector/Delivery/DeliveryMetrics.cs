using System.Globalization;
using System.Text;
using Chezlepro.Collector.Storage;

namespace Chezlepro.Collector.Delivery;

/// <summary>The delivery part of <c>/metrics</c> (names used by packaging/prometheus rules and the Grafana dashboards).</summary>
public static class DeliveryMetrics
{
    /// <summary>Appends the delivery gauges and counters in the Prometheus text format.</summary>
    public static async Task AppendAsync(StringBuilder sb, IDeliveryStore store, DeliveryCounters counters, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(counters);
        var nodes = await store.GetDeliverySummariesAsync(ct);
        sb.AppendLine("# HELP chezlepro_delivery_watermark Highest seq of the node such that every seq at or below it is stored or declared evicted.");
        sb.AppendLine("# TYPE chezlepro_delivery_watermark gauge");
        foreach (var n in nodes) sb.Append(CultureInfo.InvariantCulture, $"chezlepro_delivery_watermark{{site=\"{n.Site}\",node=\"{n.Node}\"}} {n.Watermark}\n");
        sb.AppendLine("# HELP chezlepro_delivery_missing_messages Seqs of the node not stored: declared evicted (explained) or holes above the watermark.");
        sb.AppendLine("# TYPE chezlepro_delivery_missing_messages gauge");
        foreach (var n in nodes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_delivery_missing_messages{{site=\"{n.Site}\",node=\"{n.Node}\",explained=\"true\"}} {n.ExplainedMissing}\n");
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_delivery_missing_messages{{site=\"{n.Site}\",node=\"{n.Node}\",explained=\"false\"}} {n.UnexplainedMissing}\n");
        }
        sb.AppendLine("# HELP chezlepro_delivery_oldest_unexplained_hole_age_seconds Age of the node's oldest hole above the watermark; 0 when none.");
        sb.AppendLine("# TYPE chezlepro_delivery_oldest_unexplained_hole_age_seconds gauge");
        foreach (var n in nodes)
        {
            var age = n.OldestUnexplainedSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0;
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_delivery_oldest_unexplained_hole_age_seconds{{site=\"{n.Site}\",node=\"{n.Node}\"}} {age:F0}\n");
        }
        sb.AppendLine("# HELP chezlepro_delivery_acks_published_total Delivery watermarks published (PUBACK received).");
        sb.AppendLine("# TYPE chezlepro_delivery_acks_published_total counter");
        sb.Append(CultureInfo.InvariantCulture, $"chezlepro_delivery_acks_published_total {counters.Published}\n");
        sb.AppendLine("# HELP chezlepro_delivery_ack_publish_failures_total Delivery watermark publishes that failed (retried).");
        sb.AppendLine("# TYPE chezlepro_delivery_ack_publish_failures_total counter");
        sb.Append(CultureInfo.InvariantCulture, $"chezlepro_delivery_ack_publish_failures_total {counters.Failures}\n");
    }
}
