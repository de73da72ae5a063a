using System.Globalization;
using System.Text;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.StatusPage;

/// <summary>
/// Writes a snapshot in the Prometheus text exposition format 0.0.4. Each sample becomes a gauge named
/// <c>chezlepro_</c> + the metric name with every character outside <c>[a-zA-Z0-9_]</c> turned into <c>_</c>
/// (<c>battery.pack.2.soc</c> → <c>chezlepro_battery_pack_2_soc</c>), labelled with the original name.
/// </summary>
public static class PrometheusFormatter
{
    /// <summary>The content type of the text format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    // Families the agent itself writes; a sample that would land in one of them moves under chezlepro_sample_.
    private static readonly string[] ReservedPrefixes =
        ["chezlepro_agent_", "chezlepro_source_", "chezlepro_outbox_", "chezlepro_broker_", "chezlepro_published_",
         "chezlepro_last_publish_", "chezlepro_health_", "chezlepro_alert_", "chezlepro_sample_", "chezlepro_delivery_"];

    /// <summary>Formats <paramref name="s"/>.</summary>
    public static string Format(StatusSnapshot s)
    {
        var w = new StringBuilder(4096);
        var site = $"site=\"{Escape(s.Site)}\",node=\"{Escape(s.Node)}\"";
        Family(w, "chezlepro_agent_info", "gauge", "Agent identity and version.");
        Line(w, "chezlepro_agent_info", $"{site},version=\"{Escape(s.AgentVersion ?? "")}\"", 1);
        Family(w, "chezlepro_agent_start_time_seconds", "gauge", "When the agent started (Unix time).");
        Line(w, "chezlepro_agent_start_time_seconds", null, Unix(s.StartedAt));

        Family(w, "chezlepro_source_polls_total", "counter", "Polls per source and outcome since start.");
        foreach (var src in s.Sources)
        {
            Line(w, "chezlepro_source_polls_total", $"source=\"{Escape(src.Name)}\",type=\"{Escape(src.Type)}\",result=\"success\"", src.Successes);
            Line(w, "chezlepro_source_polls_total", $"source=\"{Escape(src.Name)}\",type=\"{Escape(src.Type)}\",result=\"failure\"", src.Failures);
        }
        Family(w, "chezlepro_source_consecutive_failures", "gauge", "Failures since the last success.");
        foreach (var src in s.Sources) Line(w, "chezlepro_source_consecutive_failures", $"source=\"{Escape(src.Name)}\"", src.ConsecutiveFailures);
        Family(w, "chezlepro_source_last_duration_seconds", "gauge", "Duration of the last poll.");
        foreach (var src in s.Sources) Line(w, "chezlepro_source_last_duration_seconds", $"source=\"{Escape(src.Name)}\"", src.LastDurationMs / 1000.0);
        Family(w, "chezlepro_source_last_success_timestamp_seconds", "gauge", "When the last successful poll ended (Unix time).");
        foreach (var src in s.Sources)
        {
            if (src.LastSuccessAt is { } at) Line(w, "chezlepro_source_last_success_timestamp_seconds", $"source=\"{Escape(src.Name)}\"", Unix(at));
        }

        Family(w, "chezlepro_outbox_depth", "gauge", "Messages waiting in the outbox.");
        Line(w, "chezlepro_outbox_depth", null, s.Outbox.Depth);
        Family(w, "chezlepro_outbox_bytes", "gauge", "Payload bytes waiting in the outbox.");
        Line(w, "chezlepro_outbox_bytes", null, s.Outbox.Bytes);
        Family(w, "chezlepro_outbox_oldest_age_seconds", "gauge", "Age of the oldest unsent message (0 when empty).");
        Line(w, "chezlepro_outbox_oldest_age_seconds", null, s.OutboxOldestAgeSeconds ?? 0);
        Family(w, "chezlepro_outbox_evicted_total", "counter", "Rows evicted since the outbox was created.");
        Line(w, "chezlepro_outbox_evicted_total", null, s.Outbox.Evicted);
        Family(w, "chezlepro_outbox_next_seq", "gauge", "The sequence number the next message will get.");
        Line(w, "chezlepro_outbox_next_seq", null, s.Outbox.NextSeq);
        Family(w, "chezlepro_outbox_unacknowledged", "gauge", "Rows kept because no collector watermark covers them yet (sent or not).");
        Line(w, "chezlepro_outbox_unacknowledged", null, s.Outbox.Unacknowledged);
        Family(w, "chezlepro_outbox_oldest_unacknowledged_age_seconds", "gauge", "Age of the oldest unacknowledged row (0 when none).");
        Line(w, "chezlepro_outbox_oldest_unacknowledged_age_seconds", null, s.OutboxOldestUnacknowledgedAgeSeconds ?? 0);
        Family(w, "chezlepro_delivery_watermark", "gauge", "The highest collector watermark seen: every seq at or below it is acknowledged.");
        Line(w, "chezlepro_delivery_watermark", null, s.Outbox.Watermark);
        Family(w, "chezlepro_outbox_resends_total", "counter", "Rows published again since start (reconnect or acknowledgement timeout).");
        Line(w, "chezlepro_outbox_resends_total", null, s.OutboxResends);
        Family(w, "chezlepro_outbox_gaps_notices_total", "counter", "Gaps notices (unacknowledged rows evicted) appended since the outbox was created.");
        Line(w, "chezlepro_outbox_gaps_notices_total", null, s.Outbox.GapsNotices);
        Family(w, "chezlepro_outbox_seq_adoptions_total", "counter", "Times a fresh outbox took over the node's retained watermark (its file had been lost).");
        Line(w, "chezlepro_outbox_seq_adoptions_total", null, s.Outbox.SeqAdoptions);

        Family(w, "chezlepro_broker_connected", "gauge", "1 while connected to the broker.");
        Line(w, "chezlepro_broker_connected", null, s.BrokerConnected ? 1 : 0);
        Family(w, "chezlepro_broker_session", "gauge", "Broker session counter.");
        Line(w, "chezlepro_broker_session", null, s.Session);
        Family(w, "chezlepro_published_total", "counter", "Messages acknowledged by the broker since start.");
        Line(w, "chezlepro_published_total", null, s.Published);
        if (s.LastPublishAt is { } last)
        {
            Family(w, "chezlepro_last_publish_timestamp_seconds", "gauge", "When the last PUBACK arrived (Unix time).");
            Line(w, "chezlepro_last_publish_timestamp_seconds", null, Unix(last));
        }

        Family(w, "chezlepro_health_status", "gauge", "Latest status per check: 0 ok, 1 warning, 2 critical, 3 unknown.");
        foreach (var h in s.Health) Line(w, "chezlepro_health_status", $"check=\"{Escape(h.Check)}\"", HealthCode(h.Status));
        Family(w, "chezlepro_alert_active", "gauge", "1 for each alert currently raised.");
        foreach (var a in s.Alerts)
            Line(w, "chezlepro_alert_active", $"id=\"{Escape(a.Id)}\",priority=\"{a.Priority}\",source=\"{Escape(a.Source)}\"", 1);

        foreach (var group in s.Metrics.GroupBy(m => MetricName(m.Metric), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Family(w, group.Key, "gauge", "Latest value of " + group.First().Metric + ".");
            foreach (var m in group)
            {
                var inDays = InDays(m.Metric);
                var unit = inDays ? "s" : m.Unit;
                var labels = $"metric=\"{Escape(m.Metric)}\"" + (unit is { Length: > 0 } u ? $",unit=\"{Escape(u)}\"" : "");
                Line(w, group.Key, labels, inDays ? m.Value * SecondsPerDay : m.Value);
            }
        }
        return w.ToString();
    }

    /// <summary>
    /// The gauge name of a sample's metric (see the type's remarks), with the renames <c>promtool check metrics</c>
    /// demands: camelCase words split (<c>daysLeft</c> → <c>days_left</c>), a <c>days</c> word in seconds (the value
    /// is converted), and <c>_total</c>, which marks counters, not ending a gauge (<c>_total_value</c>).
    /// </summary>
    public static string MetricName(string metric)
    {
        var name = SafeName(metric).Replace(DaysWord, SecondsWord, StringComparison.Ordinal);
        if (name.EndsWith("_days", StringComparison.Ordinal)) name = name[..^"_days".Length] + "_seconds";
        return name.EndsWith("_total", StringComparison.Ordinal) ? name + "_value" : name;
    }

    private const double SecondsPerDay = 86400;
    private const string DaysWord = "_days_", SecondsWord = "_seconds_";

    // Whether the metric's name counts days, so its gauge (named in seconds) carries the value in seconds.
    private static bool InDays(string metric)
    {
        var name = SafeName(metric);
        return name.Contains(DaysWord, StringComparison.Ordinal) || name.EndsWith("_days", StringComparison.Ordinal);
    }

    private static string SafeName(string metric)
    {
        var b = new StringBuilder("chezlepro_", 12 + metric.Length);
        for (var i = 0; i < metric.Length; i++)
        {
            var c = metric[i];
            if (char.IsAsciiLetterUpper(c) && i > 0 && (char.IsAsciiLetterLower(metric[i - 1]) || char.IsAsciiDigit(metric[i - 1])))
                b.Append('_').Append(char.ToLowerInvariant(c));
            else
                b.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        var name = b.ToString();
        foreach (var reserved in ReservedPrefixes)
        {
            if (name.StartsWith(reserved, StringComparison.Ordinal)) return "chezlepro_sample_" + name["chezlepro_".Length..];
        }
        return name;
    }

    private static int HealthCode(HealthStatus status) => status switch
    {
        HealthStatus.Ok => 0,
        HealthStatus.Warning => 1,
        HealthStatus.Critical => 2,
        _ => 3,
    };

    private static double Unix(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;

    private static void Family(StringBuilder w, string name, string type, string help) =>
        w.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal))
         .Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder w, string name, string? labels, double value)
    {
        w.Append(name);
        if (labels is not null) w.Append('{').Append(labels).Append('}');
        w.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double v) =>
        double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "+Inf" : double.IsNegativeInfinity(v) ? "-Inf" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
