using System.Globalization;
using System.Text;
using Chezlepro.Collector.Ingest;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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
        if (app.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.ProtectMetrics)
            metrics.AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader));
        app.MapGet("/healthz", (IngestService ingest) => ingest.IsConnected
            ? Results.Text("ok\n")
            : Results.Text("broker disconnected\n", statusCode: 503)).ExcludeFromDescription();
        return app;
    }

    /// <summary>Renders the metrics.</summary>
    public static async Task<IResult> RenderAsync(IngestCounters counters, ICollectorStore store, IngestService ingest, TimeProvider time, CancellationToken ct)
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
        var nodes = await store.GetNodesAsync(ct);
        var now = time.GetUtcNow();
        sb.AppendLine("# HELP chezlepro_node_online 1 while the node's agent is connected (session rule of contract.md).");
        sb.AppendLine("# TYPE chezlepro_node_online gauge");
        foreach (var n in nodes) sb.Append(CultureInfo.InvariantCulture, $"chezlepro_node_online{{site=\"{n.Site}\",node=\"{n.Node}\"}} {(n.Online ? 1 : 0)}\n");
        sb.AppendLine("# HELP chezlepro_node_last_seen_age_seconds Seconds since the newest capture time received from the node (outbox lag).");
        sb.AppendLine("# TYPE chezlepro_node_last_seen_age_seconds gauge");
        foreach (var n in nodes.Where(n => n.LastSeen is not null))
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_node_last_seen_age_seconds{{site=\"{n.Site}\",node=\"{n.Node}\"}} {(now - n.LastSeen!.Value).TotalSeconds:F0}\n");
        return Results.Text(sb.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    }
}
