using System.Globalization;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chezlepro.Collector.Apis;

/// <summary><c>GET/POST /api/v1/maintenance</c>: announced windows; one that has started can only be ended early.</summary>
public static class MaintenanceApi
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapMaintenanceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/maintenance", ListAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader, ClientAccess.Scoped))
            .WithTags("maintenance").WithName("GetMaintenance").WithSummary("Announced maintenance windows");
        app.MapPost("/api/v1/maintenance", PostAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Operator))
            .WithTags("maintenance").WithName("PostMaintenance")
            .WithSummary("Announce a window, rewrite one that has not started, or end one early (endNow) (operator)");
        return app;
    }

    /// <summary>Every window.</summary>
    public static async Task<IResult> ListAsync(ICollectorStore store, ServiceLevelReports reports, HttpContext http, CancellationToken ct)
    {
        var windows = await store.GetMaintenanceWindowsAsync(ct);
        if (ClientScope.Of(http, reports.Catalog) is { } scope) windows = scope.Filter(windows);
        return Results.Json(windows, ReportJsonContext.Default.IReadOnlyListMaintenanceWindow);
    }

    /// <summary>Create, rewrite or end early.</summary>
    public static async Task<IResult> PostAsync(MaintenanceRequestDto body, ICollectorStore store, ServiceLevelReports reports, TimeProvider time,
        Evidence.EvidenceWriter evidence, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await Gate.WaitAsync(ct);
        try
        {
            var schedule = new MaintenanceSchedule(await store.GetMaintenanceWindowsAsync(ct),
                reports.Catalog.Services.Select(s => s.Id).ToHashSet(StringComparer.Ordinal));
            var exists = body.Id is not null && schedule.All.Any(w => w.Id == body.Id);
            MaintenanceResult result;
            if (body.EndNow)
            {
                if (!exists) return Results.Problem(statusCode: 404, title: "Fenêtre inconnue / Unknown window");
                result = schedule.EndEarly(body.Id!, now);
            }
            else
            {
                if (body.Start is null || body.End is null) return ApiProblems.BadRequest(new Texts.Bilingual("«\u00a0start\u00a0» et «\u00a0end\u00a0» sont requis.", "start and end are required."));
                var request = new MaintenanceRequest(body.Start.Value, body.End.Value, body.Services ?? [], body.Reason ?? "");
                result = exists
                    ? schedule.Rewrite(body.Id!, request, now)
                    : schedule.Create(body.Id ?? $"mw-{now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}", request, now);
            }
            if (result.Window is null)
            {
                return exists
                    ? ApiProblems.Invalid(StatusCodes.Status409Conflict, "Fenêtre déjà commencée ou terminée / Window already started or over", result.Problems)
                    : ApiProblems.Invalid(StatusCodes.Status400BadRequest, ApiProblems.InvalidTitle, result.Problems);
            }
            await store.SaveMaintenanceWindowAsync(result.Window, ct);
            // Announced and rewritten windows are journaled (a rewrite is a new announcement at its own time); an early end is not an announcement.
            if (!body.EndNow) await evidence.AppendAsync(Evidence.EvidenceFacts.MaintenanceAnnounced(result.Window, reports.Catalog), ct);
            return Results.Json(result.Window, ReportJsonContext.Default.MaintenanceWindow, statusCode: exists ? 200 : 201);
        }
        finally
        {
            Gate.Release();
        }
    }
}
