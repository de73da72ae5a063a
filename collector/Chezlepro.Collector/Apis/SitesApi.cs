using System.Text.Json.Nodes;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chezlepro.Collector.Apis;

/// <summary><c>GET /api/v1/sites</c>, <c>GET /api/v1/sites/{site}/nodes/{node}/latest</c> and (<see cref="DeliveryApi"/>) <c>…/delivery</c>.</summary>
public static class SitesApi
{
    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sites").AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader)).WithTags("sites");
        group.MapGet("/", GetSitesAsync).WithName("GetSites").WithSummary("Sites, their nodes, online state, last seen, session");
        group.MapGet("/{site}/nodes/{node}/latest", GetLatestAsync).WithName("GetNodeLatest")
            .WithSummary("Latest value of every metric and every health check of a node");
        group.MapDeliveryApi();
        return group;
    }

    /// <summary>Every site with its nodes.</summary>
    public static async Task<IResult> GetSitesAsync(ICollectorStore store, CancellationToken ct)
    {
        var nodes = await store.GetNodesAsync(ct);
        var sites = nodes.GroupBy(n => n.Site, StringComparer.Ordinal)
            .Select(g => new SiteDto(g.Key, g.Select(n => new NodeDto(n.Node, n.Online, n.Reason, n.Session, n.LastSeen, n.StatusAt, n.AgentVersion, n.StartedAt)).ToList()))
            .ToList();
        return Results.Json<IReadOnlyList<SiteDto>>(sites, CollectorJsonContext.Default.IReadOnlyListSiteDto);
    }

    /// <summary>Latest values of one node; 404 when unknown.</summary>
    public static async Task<IResult> GetLatestAsync(string site, string node, ICollectorStore store, CancellationToken ct)
    {
        var latest = await store.GetLatestAsync(site, node, ct);
        if (latest is not { } l) return Results.Problem(statusCode: 404, title: "Nœud inconnu / Unknown node");
        var dto = new NodeLatestDto(site, node, l.Node.Online, l.Node.LastSeen,
            l.Metrics.Select(m => new MetricDto(m.Metric, m.Value, m.Unit, m.Source, m.Ts)).ToList(),
            l.Health.Select(h => new CheckDto(h.Check, h.Status.ToString().ToLowerInvariant(), h.Summary, h.SummaryEn,
                h.DetailsJson is null ? null : JsonNode.Parse(h.DetailsJson), h.Ts)).ToList());
        return Results.Json(dto, CollectorJsonContext.Default.NodeLatestDto);
    }
}
