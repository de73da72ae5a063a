using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Patches;
using Chezlepro.Collector.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis;

/// <summary><c>GET /api/v1/patches</c>: pending and security updates and the last patch of every node (issue 20).</summary>
public static class PatchesApi
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapPatchesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/patches", GetAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader, ClientAccess.Scoped))
            .WithTags("patches").WithName("GetPatches").WithSummary("Pending and security updates and days since the last patch, per node");
        return app;
    }

    /// <summary>Every node's patch state; a client sees only the nodes that carry a check of one of its services.</summary>
    public static async Task<IResult> GetAsync(ICollectorStore store, IOptionsMonitor<CatalogOptions> catalog, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var scope = ClientScope.Of(http, catalog.CurrentValue);
        var states = await PatchStates.ReadAsync(store, time.GetUtcNow(), ct);
        var nodes = states
            .Where(s => scope is null || PatchStates.ClientsOf(catalog.CurrentValue, s.Site, s.Node).Contains(scope.Client, StringComparer.Ordinal))
            .Select(s => new PatchNodeDto(s.Site, s.Node, s.Pending, s.Security, s.LastPatchAt, s.DaysSinceLastPatch, s.Status, s.UpdatedAt))
            .ToList();
        return Results.Json(new PatchesDto(nodes), PatchesJsonContext.Default.PatchesDto);
    }
}
