using System.Text.Json.Nodes;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.DrTests;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chezlepro.Collector.Apis;

/// <summary><c>GET/POST /api/v1/dr-tests</c>: disaster-recovery tests, measured RTO/RPO per service against targets, one a year.</summary>
public static class DrTestsApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapDrTestsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dr-tests", ListAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader, ClientAccess.Scoped))
            .WithTags("service levels").WithName("GetDrTests").WithSummary("DR tests with RTO/RPO per service against targets; per service the last test and whether one is due");
        app.MapPost("/api/v1/dr-tests", PostAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Operator))
            .WithTags("service levels").WithName("PostDrTest").WithSummary("Record a DR test (operator)");
        return app;
    }

    /// <summary>
    /// <c>GET /api/v1/dr-tests</c>: a client sees the tests touching its services, each with only its services, and the
    /// yearly status of its services only.
    /// </summary>
    public static async Task<IResult> ListAsync(IDrTestStore store, ServiceLevelReports reports, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var catalog = reports.Catalog;
        var scope = ClientScope.Of(http, catalog);
        var tests = await store.ListAsync(ct);
        var today = LocalTime.DateOf(time.GetUtcNow(), LocalTime.Toronto);
        var services = catalog.Services.Select(s => s.Id).Where(s => scope?.SeesService(s) != false).ToList();
        var status = DrTestSchedule.Status(services, tests, today);
        if (scope is not null)
        {
            tests = [.. tests.Where(t => t.Services.Any(s => scope.SeesService(s.Service)))
                .Select(t => t with { Services = [.. t.Services.Where(s => scope.SeesService(s.Service))] })];
        }
        return Results.Json(new DrTestsDto(tests, status), NoticesJsonContext.Default.DrTestsDto);
    }

    /// <summary><c>POST /api/v1/dr-tests</c>: stored, then one journal record per client concerned, with only that client's services.</summary>
    public static async Task<IResult> PostAsync(DrTestRequestDto? body, IDrTestStore store, ServiceLevelReports reports, TimeProvider time, HttpContext http,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (problems, test) = DrTestRequestValidator.Check(body, reports.Catalog, LocalTime.DateOf(now, LocalTime.Toronto),
            ApiPrincipal.Of(http)?.Name ?? ApiRoles.Operator, now);
        if (test is null) return RecordProblems.Invalid(problems);
        test = await store.AddAsync(test, ct);
        // The journal is G's (issue 20); until it is registered the test is stored without its records.
        if (http.RequestServices.GetService<IEvidenceJournal>() is { } journal)
        {
            var byClient = test.Services.SelectMany(s => NoticesApi.ClientsOf(reports.Catalog, s.Service).Select(c => (Client: c, Line: s)))
                .GroupBy(x => x.Client, StringComparer.Ordinal);
            foreach (var g in byClient)
            {
                var lines = new JsonArray([.. g.Select(x => (JsonNode)new JsonObject
                {
                    ["service"] = x.Line.Service, ["category"] = x.Line.Category, ["rtoMinutes"] = x.Line.RtoMinutes, ["rpoMinutes"] = x.Line.RpoMinutes,
                    ["rtoTargetMinutes"] = x.Line.RtoTargetMinutes, ["rpoTargetMinutes"] = x.Line.RpoTargetMinutes, ["rtoMet"] = x.Line.RtoMet, ["rpoMet"] = x.Line.RpoMet,
                })]);
                var data = new JsonObject
                {
                    ["testId"] = test.Id, ["date"] = test.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["scenario"] = test.Scenario,
                    ["services"] = lines, ["findings"] = test.Findings, ["reportUrl"] = test.ReportUrl, ["author"] = test.Author,
                };
                var at = LocalTime.StartOfDay(test.Date, LocalTime.Toronto);
                await journal.AppendAsync(new EvidenceEntry(EvidenceKinds.DrTest, at, g.Key, "dr-test/" + test.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), data), ct);
            }
        }
        return Results.Json(test, NoticesJsonContext.Default.DrTest, statusCode: 201);
    }
}
