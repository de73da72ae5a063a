using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Options;
using Chezlepro.Contracts.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// <c>GET /api/v1/alerts?state=</c>: the NOC stream's alerts as last published (agent alerts republished
/// since the collector started, and collector-derived ones). <c>state</c> is <c>raised</c>, <c>cleared</c> or absent (all).
/// </summary>
public static class AlertsApi
{
    /// <summary>Maps the route.</summary>
    public static RouteHandlerBuilder MapAlertsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/alerts", GetAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader)).WithTags("alerts").WithName("GetAlerts")
            .WithSummary("Current and recent alerts");

    /// <summary>The alerts; 400 for an unknown state.</summary>
    public static async Task<IResult> GetAsync(string? state, NocPublisher noc, CancellationToken ct)
    {
        AlertState? filter = state switch
        {
            null or "" or "all" => null,
            "raised" => AlertState.Raised,
            "cleared" => AlertState.Cleared,
            _ => (AlertState?)(-1),
        };
        if (filter is (AlertState)(-1))
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "État inconnu / Unknown state",
                new("«\u00a0state\u00a0» doit valoir raised, cleared ou all", "state must be raised, cleared or all"));
        return Results.Json(await noc.ViewsAsync(filter, ct), FailoverJsonContext.Default.IReadOnlyListNocAlertView);
    }
}
