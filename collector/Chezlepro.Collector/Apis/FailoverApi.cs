using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Texts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chezlepro.Collector.Apis;

/// <summary><c>GET /api/v1/failover</c>, <c>POST /api/v1/failover/{group}/failback</c> and <c>POST /api/v1/failover/{group}/confirm</c>.</summary>
public static class FailoverApi
{
    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapFailoverApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/failover").WithTags("failover");
        group.MapGet("/", GetAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader)).WithName("GetFailover")
            .WithSummary("Per group: active site, epoch, mode, state, last decision and its evidence, recent history");
        group.MapPost("/{group}/failback", FailbackAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Operator)).WithName("PostFailback")
            .WithSummary("Return a group to its primary (operator)");
        group.MapPost("/{group}/confirm", ConfirmAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Operator)).WithName("PostFailoverConfirm")
            .WithSummary("Confirm the advisory decision awaiting an operator (operator)");
        return group;
    }

    /// <summary>Every group.</summary>
    public static async Task<IResult> GetAsync(FailoverCoordinator coordinator, CancellationToken ct) =>
        Results.Json(await coordinator.ViewsAsync(10, ct), FailoverJsonContext.Default.IReadOnlyListFailoverGroupView);

    /// <summary>Failback; 404 unknown group, 409 when the primary already serves.</summary>
    public static async Task<IResult> FailbackAsync(string group, FailoverCoordinator coordinator, HttpContext http, CancellationToken ct) =>
        Outcome(await coordinator.FailbackAsync(group, ApiPrincipal.Of(http)?.Name, ct));

    /// <summary>Confirmation; 404 unknown group, 409 when nothing awaits confirmation.</summary>
    public static async Task<IResult> ConfirmAsync(string group, FailoverCoordinator coordinator, HttpContext http, CancellationToken ct) =>
        Outcome(await coordinator.ConfirmAsync(group, ApiPrincipal.Of(http)?.Name, ct));

    private static IResult Outcome((FailoverCoordinator.OperatorOutcome Outcome, FailoverRecord? Record, Bilingual? Problem) r) => r.Outcome switch
    {
        FailoverCoordinator.OperatorOutcome.Decided => Results.Json(r.Record, FailoverJsonContext.Default.FailoverRecord),
        FailoverCoordinator.OperatorOutcome.UnknownGroup => Results.Problem(statusCode: 404, title: "Groupe de bascule inconnu / Unknown failover group"),
        _ => ApiProblems.Problem(StatusCodes.Status409Conflict, "État du groupe incompatible / Group state does not allow this", r.Problem),
    };
}
