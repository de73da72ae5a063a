using System.Globalization;
using System.Text;
using Chezlepro.Collector.Apis.Https;
using Chezlepro.Collector.Delivery;
using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Ingest;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis;

/// <summary><c>/metrics</c> in the Prometheus text format, and <c>/healthz</c>.</summary>
public static class MetricsApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var metrics = app.MapGet("/metrics", RenderAsync).ExcludeFromDescription();
        // The configuration, not IOptions: reading the options here, while the app is built, would run their validators
        // outside the host's start, and a bad Api value (a certificate file) would crash instead of exiting 78.
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>($"{ApiOptions.SectionName}:{nameof(ApiOptions.ProtectMetrics)}"))
            metrics.AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader));
        app.MapGet("/healthz", (IngestService ingest) => ingest.IsConnected
            ? Results.Text("ok\n")
            : Results.Text("broker disconnected\n", statusCode: 503)).ExcludeFromDescription();
        return app;
    }

    /// <summary>Renders the metrics.</summary>
    public static async Task<IResult> RenderAsync(IngestCounters counters, LoopFailureCounters loops, ICollectorStore store, IngestService ingest,
        Reports.ServiceLevelReports reports, TimeProvider time, IDeliveryStore delivery, DeliveryCounters deliveryCounters,
        Noc.NocSinkCounters nocSinks, ILeadership leadership, ApiAuthFailures authFailures, ApiCertificateSource certificates, CancellationToken ct)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# HELP chezlepro_ingest_messages_total Agent messages received, by result.");
        sb.AppendLine("# TYPE chezlepro_ingest_messages_total counter");
        foreach (var r in Enum.GetValues<IngestResult>())
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_ingest_messages_total{{result=\"{r.ToString().ToLowerInvariant()}\"}} {counters.Get(r)}\n");
        sb.AppendLine("# HELP chezlepro_ingest_rejected_total Agent messages dropped, by cause.");
        sb.AppendLine("# TYPE chezlepro_ingest_rejected_total counter");
        foreach (var c in Enum.GetValues<RejectCause>())
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_ingest_rejected_total{{cause=\"{c.ToString().ToLowerInvariant()}\"}} {counters.Get(c)}\n");
        sb.AppendLine("# HELP chezlepro_broker_connected 1 while the collector is connected to the broker.");
        sb.AppendLine("# TYPE chezlepro_broker_connected gauge");
        sb.Append(CultureInfo.InvariantCulture, $"chezlepro_broker_connected {(ingest.IsConnected ? 1 : 0)}\n");
        sb.AppendLine("# HELP chezlepro_collector_loop_failures_total Failed rounds of a collector background loop (logged, retried at its next round), by loop.");
        sb.AppendLine("# TYPE chezlepro_collector_loop_failures_total counter");
        foreach (var (loop, failures) in loops.Snapshot())
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_collector_loop_failures_total{{loop=\"{loop}\"}} {failures}\n");
        // As the NOC reads it: a collector that does not share its store always speaks; one that shares it only while it holds the lock.
        sb.AppendLine("# HELP chezlepro_collector_leader 1 while this collector leads (decides failover, sends the NOC stream), else 0.");
        sb.AppendLine("# TYPE chezlepro_collector_leader gauge");
        sb.Append(CultureInfo.InvariantCulture, $"chezlepro_collector_leader {(!leadership.Shared || leadership.IsLeader ? 1 : 0)}\n");
        sb.AppendLine("# HELP chezlepro_noc_sink_sent_total NOC alerts delivered by a sink (Alertmanager: re-sends included), by sink.");
        sb.AppendLine("# TYPE chezlepro_noc_sink_sent_total counter");
        foreach (var (sink, sent, _) in nocSinks.Snapshot())
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_noc_sink_sent_total{{sink=\"{sink}\"}} {sent}\n");
        sb.AppendLine("# HELP chezlepro_noc_sink_failures_total Failed deliveries of a NOC sink (kept and retried), by sink.");
        sb.AppendLine("# TYPE chezlepro_noc_sink_failures_total counter");
        foreach (var (sink, _, failures) in nocSinks.Snapshot())
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_noc_sink_failures_total{{sink=\"{sink}\"}} {failures}\n");
        sb.AppendLine("# HELP chezlepro_api_auth_failures_total API requests refused for a missing, unknown or invalid key or token.");
        sb.AppendLine("# TYPE chezlepro_api_auth_failures_total counter");
        sb.Append(CultureInfo.InvariantCulture, $"chezlepro_api_auth_failures_total {authFailures.Total}\n");
        ApiCertificateMetrics.Append(sb, certificates);
        var nodes = await store.GetNodesAsync(ct);
        var now = time.GetUtcNow();
        sb.AppendLine("# HELP chezlepro_node_online 1 while the node's agent is connected (session rule of contract.md).");
        sb.AppendLine("# TYPE chezlepro_node_online gauge");
        foreach (var n in nodes) sb.Append(CultureInfo.InvariantCulture, $"chezlepro_node_online{{site=\"{n.Site}\",node=\"{n.Node}\"}} {(n.Online ? 1 : 0)}\n");
        sb.AppendLine("# HELP chezlepro_node_last_seen_age_seconds Seconds since the newest capture time received from the node (outbox lag).");
        sb.AppendLine("# TYPE chezlepro_node_last_seen_age_seconds gauge");
        foreach (var n in nodes.Where(n => n.LastSeen is not null))
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_node_last_seen_age_seconds{{site=\"{n.Site}\",node=\"{n.Node}\"}} {(now - n.LastSeen!.Value).TotalSeconds:F0}\n");
        var month = Calendar.MonthPeriod.Containing(now, Calendar.LocalTime.Toronto);
        var availability = await reports.AvailabilityAsync(month.Start(Calendar.LocalTime.Toronto), now, null, ct);
        sb.AppendLine("# HELP chezlepro_service_availability_percent Availability of each catalog service this month so far (America/Toronto).");
        sb.AppendLine("# TYPE chezlepro_service_availability_percent gauge");
        foreach (var a in availability.Where(a => a.Percent is not null))
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_service_availability_percent{{service=\"{a.ServiceId}\"}} {a.Percent}\n");
        var incidents = await reports.IncidentsAsync(TimeSpan.FromDays(35), ct);
        sb.AppendLine("# HELP chezlepro_incidents_open Incidents not yet restored, by priority.");
        sb.AppendLine("# TYPE chezlepro_incidents_open gauge");
        foreach (var p in new[] { "P1", "P2", "P3" })
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_incidents_open{{priority=\"{p}\"}} {incidents.Count(i => i.RestoredAt is null && i.Priority.ToString() == p)}\n");
        await DeliveryMetrics.AppendAsync(sb, delivery, deliveryCounters, now, ct);
        return Results.Text(sb.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    }
}
