using System.Text.Json.Nodes;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Incidents.Notices;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// <c>GET/POST /api/v1/incidents/{id}/notices</c>: notices to clients (contract.md). The schedule they answer is
/// Incidents/Notices/README.md; <c>GET /api/v1/incidents</c> shows what is due next.
/// </summary>
public static class NoticesApi
{
    private static readonly TimeSpan IncidentLookback = TimeSpan.FromDays(92);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/incidents/{id}/notices", ListAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader, ClientAccess.Scoped))
            .WithTags("service levels").WithName("GetIncidentNotices").WithSummary("Notices sent to the client for an incident (first, update, resolution, post-mortem, breach)");
        app.MapPost("/api/v1/incidents/{id}/notices", PostAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Operator))
            .WithTags("service levels").WithName("PostIncidentNotice").WithSummary("Record a notice sent to the client (operator)");
        return app;
    }

    /// <summary><c>GET /api/v1/incidents/{id}/notices</c>: a client sees the notices of its services' incidents only (another's: 404).</summary>
    public static async Task<IResult> ListAsync(string id, INoticeStore notices, ServiceLevelReports reports, HttpContext http, CancellationToken ct)
    {
        if (ClientScope.Of(http, reports.Catalog) is { } scope && (ServiceOf(id) is not { } service || !scope.SeesService(service)))
            return Results.Problem(statusCode: 404, title: "Incident inconnu / Unknown incident");
        return Results.Json(await notices.ListAsync(id, ct), NoticesJsonContext.Default.IReadOnlyListIncidentNotice);
    }

    /// <summary><c>POST /api/v1/incidents/{id}/notices</c>: stored, then one journal record per client of the incident's service.</summary>
    public static async Task<IResult> PostAsync(string id, NoticeRequestDto? body, INoticeStore notices, ServiceLevelReports reports, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var incident = (await reports.IncidentsAsync(IncidentLookback, ct)).FirstOrDefault(i => i.Id == id);
        if (incident is null) return Results.Problem(statusCode: 404, title: "Incident inconnu / Unknown incident");
        var now = time.GetUtcNow();
        var (problems, sentAt) = NoticeRequestValidator.Check(body, incident, now);
        if (problems.Count > 0) return RecordProblems.Invalid(problems);
        var notice = await notices.AddAsync(new IncidentNotice(0, id, body!.Type!, body.Channel ?? "", sentAt, body.Summary,
            ApiPrincipal.Of(http)?.Name ?? ApiRoles.Operator, now), ct);
        // The journal is G's (issue 20); until it is registered the notice is stored without its record.
        if (http.RequestServices.GetService<IEvidenceJournal>() is { } journal)
        {
            foreach (var client in ClientsOf(reports.Catalog, incident.ServiceId))
            {
                var data = new JsonObject
                {
                    ["type"] = notice.Type, ["channel"] = notice.Channel, ["service"] = incident.ServiceId, ["priority"] = incident.Priority.ToString(),
                    ["author"] = notice.Author, ["summary"] = notice.Summary, ["noticeId"] = notice.Id,
                };
                await journal.AppendAsync(new EvidenceEntry(EvidenceKinds.IncidentNotice, notice.SentAt, client, id, data), ct);
            }
        }
        return Results.Json(notice, NoticesJsonContext.Default.IncidentNotice, statusCode: 201);
    }

    /// <summary>The clients whose contracts include a service, or one null (the provider) when none does.</summary>
    internal static IReadOnlyList<string?> ClientsOf(CatalogOptions catalog, string service)
    {
        var clients = catalog.Contracts.Where(c => c.Services.Contains(service, StringComparer.Ordinal)).Select(c => (string?)c.Client)
            .Distinct(StringComparer.Ordinal).ToList();
        return clients.Count == 0 ? [null] : clients;
    }

    /// <summary>The service of an incident id (<c>&lt;service&gt;-yyyyMMddTHHmmssZ</c>), or null when the id has not that shape.</summary>
    internal static string? ServiceOf(string id) =>
        id.Length > 17 && id[^17] == '-' && id[^8] == 'T' && id[^1] == 'Z' ? id[..^17] : null;
}
