using Chezlepro.Collector.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chezlepro.Collector.Apis;

/// <summary><c>GET /api/v1/sites/{site}/nodes/{node}/delivery</c> (reader), in the sites group.</summary>
public static class DeliveryApi
{
    /// <summary>How many of the most recent rejected seqs the endpoint lists.</summary>
    public const int LastRejected = 20;

    // Missing ranges listed at most: the newest first are kept (old evicted runs are also pruned with the retention).
    private const int MaxMissing = 500;

    /// <summary>Maps the route on the sites group (its reader key filter applies).</summary>
    public static RouteGroupBuilder MapDeliveryApi(this RouteGroupBuilder sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        sites.MapGet("/{site}/nodes/{node}/delivery", GetAsync).WithName("GetNodeDelivery")
            .WithSummary("Watermark, missing seq ranges (explained or not), last received, rejected seqs of a node")
            .Produces<DeliveryDto>().ProducesProblem(404);
        return sites;
    }

    /// <summary>The node's delivery; 404 when unknown.</summary>
    public static async Task<IResult> GetAsync(string site, string node, IDeliveryStore store, CancellationToken ct)
    {
        if (await store.GetDeliveryAsync(site, node, LastRejected, ct) is not { } d)
            return Results.Problem(statusCode: 404, title: "Nœud inconnu / Unknown node");
        var dto = new DeliveryDto(d.Site, d.Node, d.Watermark, d.LastReceivedSeq, d.LastReceivedAt,
            d.Missing.TakeLast(MaxMissing).Select(m => new MissingDto(m.From, m.To, m.Count, m.Explained, m.Reason, m.Since)).ToList(),
            new RejectedDto(d.RejectedCount, d.LastRejected.Select(r => new RejectedSeqDto(r.Seq, r.Cause, r.ReceivedAt)).ToList()));
        return Results.Json(dto, DeliveryJsonContext.Default.DeliveryDto);
    }
}
