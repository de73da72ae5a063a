using System.Globalization;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.RestoreTests;
using Chezlepro.Collector.Texts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// <c>GET/POST /api/v1/restore-tests</c>: the scheduled restore tests the nodes ran and the ones done at a client's
/// request, with each client's requests included, used and left in the year.
/// </summary>
public static class RestoreTestsApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapRestoreTestsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/restore-tests", ListAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader, ClientAccess.Scoped))
            .WithTags("service levels").WithName("GetRestoreTests").WithSummary("Restore tests of a year (scheduled and on request) and per client the requests included, used, left")
            .Produces<RestoreTestsDto>();
        app.MapPost("/api/v1/restore-tests", PostAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Operator))
            .WithTags("service levels").WithName("PostRestoreTest").WithSummary("Record a restore test done at a client's request (operator)")
            .Produces<RestoreTestDto>(StatusCodes.Status201Created);
        return app;
    }

    /// <summary>
    /// <c>GET /api/v1/restore-tests?year=yyyy</c> (default this Toronto year): a client sees only the tests of its
    /// guests and its own allowance line.
    /// </summary>
    public static async Task<IResult> ListAsync(string? year, IRestoreTestStore store, IOptionsMonitor<CatalogOptions> catalog, IOptions<RestoreTestOptions> options,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var y = LocalTime.DateOf(time.GetUtcNow(), LocalTime.Toronto).Year;
        if (year is not null && !(year.Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) && y >= 2000))
            return ApiProblems.BadRequest(Bilingual.KeyValue("year", year, "format aaaa attendu (2000 ou après).", "use yyyy (2000 or later)."));
        var from = LocalTime.StartOfDay(new DateOnly(y, 1, 1), LocalTime.Toronto);
        var to = LocalTime.StartOfDay(new DateOnly(y + 1, 1, 1), LocalTime.Toronto);
        var scope = ClientScope.Of(http, catalog.CurrentValue);
        var all = await store.ListAsync(from, to, ct);
        if (scope is not null)
            all = [.. all.Where(t => t.Client == scope.Client || (t.Client is null && t.Service is { } s && scope.SeesService(s)))];
        var tests = all.Where(t => t.StartedAt >= from && t.StartedAt < to).Select(RestoreTestDto.Of).ToList();
        var clients = scope is not null ? [scope.Client]
            : catalog.CurrentValue.Contracts.Select(c => c.Client).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var included = options.Value.IncludedPerYear;
        var allowance = clients.Select(c =>
        {
            var used = all.Count(t => t.Origin == RestoreTestOrigins.Request && t.Client == c && t.RequestedAt >= from && t.RequestedAt < to);
            return new RestoreAllowanceDto(c, included, used, Math.Max(0, included - used));
        }).ToList();
        return Results.Json(new RestoreTestsDto(y, tests, allowance), RestoreTestsJsonContext.Default.RestoreTestsDto);
    }

    /// <summary><c>POST /api/v1/restore-tests</c>: stored once (201; the same request again: 200), then journaled as <c>restore.test</c> with origin <c>request</c>.</summary>
    public static async Task<IResult> PostAsync(RestoreTestRequestDto? body, IRestoreTestStore store, IOptionsMonitor<CatalogOptions> catalog, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var (problems, test) = RestoreTestRequestValidator.Check(body, catalog.CurrentValue, ApiPrincipal.Of(http)?.Name ?? ApiRoles.Operator, time.GetUtcNow());
        if (test is null) return RecordProblems.Invalid(problems);
        var added = await store.AddAsync(test, ct);
        if (http.RequestServices.GetService<IEvidenceJournal>() is { } journal)
            await journal.AppendAsync(EvidenceBackupFacts.RestoreTested(test, catalog.CurrentValue), ct);
        return Results.Json(RestoreTestDto.Of(test), RestoreTestsJsonContext.Default.RestoreTestDto, statusCode: added ? 201 : 200);
    }
}
