using System.Globalization;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Sla;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chezlepro.Collector.Apis;

/// <summary>Availability, SLA (JSON and CSV, close), incidents (ack) and RPO routes of contract.md.</summary>
public static class ServiceLevelsApi
{
    private static readonly TimeSpan IncidentLookback = TimeSpan.FromDays(92);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapServiceLevelsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader, ClientAccess.Scoped)).WithTags("service levels");
        read.MapGet("/availability", AvailabilityAsync).WithName("GetAvailability").WithSummary("Per service: availability %, up/down/unknown/excluded seconds");
        read.MapGet("/availability/{service}/timeline", TimelineAsync).WithName("GetAvailabilityTimeline")
            .WithSummary("The segments behind a figure (up, down, unknown, excluded, outside contract) with their cause; seconds add up to the month")
            .Produces<ServiceMonthTimeline>();
        read.MapGet("/sla/{month}", SlaAsync).WithName("GetSla").WithSummary("Per contract: availability, objective, shortfall, tranches, credit % and amount (format=csv for CSV)");
        read.MapGet("/incidents", IncidentsAsync).WithName("GetIncidents").WithSummary("Incidents with priority, detected/acknowledged/restored times, target breaches");
        read.MapGet("/rpo", RpoAsync).WithName("GetRpo").WithSummary("Per protected guest: last good backup, RPO target, status");
        var write = app.MapGroup("/api/v1").AddEndpointFilter(new ApiKeyFilter(ApiRoles.Operator)).WithTags("service levels");
        write.MapPost("/sla/{month}/close", CloseAsync).WithName("CloseSla").WithSummary("Freeze a month's report (operator)");
        write.MapPost("/incidents/{id}/ack", AcknowledgeAsync).WithName("AckIncident").WithSummary("Acknowledge an incident (operator)");
        app.MapNoticesApi();
        app.MapDrTestsApi();
        app.MapRestoreTestsApi();
        return app;
    }

    /// <summary><c>GET /api/v1/availability?from=&amp;to=&amp;service=</c>; defaults to this month so far.</summary>
    public static async Task<IResult> AvailabilityAsync(string? from, string? to, string? service, ServiceLevelReports reports, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var scope = ClientScope.Of(http, reports.Catalog);
        var now = time.GetUtcNow();
        var start = MonthPeriod.Containing(now, LocalTime.Toronto).Start(LocalTime.Toronto);
        if (from is not null && !DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
            return ApiProblems.BadRequest(ParameterTexts.Time("from", from));
        var end = now;
        if (to is not null && !DateTimeOffset.TryParse(to, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out end))
            return ApiProblems.BadRequest(ParameterTexts.Time("to", to));
        if (end <= start) return ApiProblems.BadRequest(new Texts.Bilingual("«\u00a0to\u00a0» doit suivre «\u00a0from\u00a0».", "to must be after from."));
        // A client asking for another client's service learns no more than for a service that does not exist.
        if (service is not null && (reports.Catalog.FindService(service) is null || scope?.SeesService(service) == false))
            return Results.Problem(statusCode: 404, title: "Service inconnu / Unknown service");
        var list = (await reports.AvailabilityAsync(start, end, service, ct)).Where(a => scope?.SeesService(a.ServiceId) != false);
        var dto = list.Select(a => new AvailabilityDto(a.ServiceId, a.From, a.To, a.Percent, a.UpSeconds, a.DownSeconds, a.UnknownSeconds,
            a.ExcludedSeconds, a.Intervals)).ToList();
        return Results.Json<IReadOnlyList<AvailabilityDto>>(dto, ReportJsonContext.Default.IReadOnlyListAvailabilityDto);
    }

    /// <summary><c>GET /api/v1/availability/{service}/timeline?month=yyyy-MM</c>; defaults to this month so far.</summary>
    public static async Task<IResult> TimelineAsync(string service, string? month, ServiceLevelReports reports, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var period = MonthPeriod.Containing(time.GetUtcNow(), LocalTime.Toronto);
        if (month is not null && !MonthPeriod.TryParse(month, out period)) return ApiProblems.BadRequest(ParameterTexts.Month(month));
        if (ClientScope.Of(http, reports.Catalog)?.SeesService(service) == false)
            return Results.Problem(statusCode: 404, title: "Service inconnu / Unknown service");
        var timeline = await reports.TimelineAsync(service, period, ct);
        return timeline is null
            ? Results.Problem(statusCode: 404, title: "Service inconnu / Unknown service")
            : Results.Json(timeline, ReportJsonContext.Default.ServiceMonthTimeline);
    }

    /// <summary><c>GET /api/v1/sla/{yyyy-MM}[?format=csv[&amp;lang=en|fr]]</c>; the CSV header is English unless <c>lang=fr</c>.</summary>
    public static async Task<IResult> SlaAsync(string month, string? format, string? lang, ServiceLevelReports reports, HttpContext http, CancellationToken ct)
    {
        if (!MonthPeriod.TryParse(month, out var period)) return ApiProblems.BadRequest(ParameterTexts.Month(month));
        if (lang is not (null or "" or "en" or "fr")) return ApiProblems.BadRequest(ParameterTexts.OneOf("lang", lang, "fr", "en"));
        var report = await reports.SlaAsync(period, ct);
        if (ClientScope.Of(http, reports.Catalog) is { } scope) report = scope.Filter(report);
        return format switch
        {
            null or "" or "json" => Results.Json(report, ReportJsonContext.Default.SlaReport),
            "csv" => Results.Text(SlaCsvWriter.ToCsv(report, french: lang == "fr"), "text/csv; charset=utf-8"),
            _ => ApiProblems.BadRequest(ParameterTexts.OneOf("format", format, "json", "csv")),
        };
    }

    /// <summary><c>POST /api/v1/sla/{yyyy-MM}/close</c>.</summary>
    public static async Task<IResult> CloseAsync(string month, ServiceLevelReports reports, HttpContext http, TimeProvider time, Evidence.EvidenceWriter evidence,
        CancellationToken ct)
    {
        if (!MonthPeriod.TryParse(month, out var period)) return ApiProblems.BadRequest(ParameterTexts.Month(month));
        var by = ApiPrincipal.Of(http)?.Name ?? ApiRoles.Operator;
        switch (await reports.CloseAsync(period, by, ct))
        {
            case null:
                return Results.Problem(statusCode: 409, title: "Le mois n’est pas terminé / The month has not ended");
            case false:
                return Results.Problem(statusCode: 409, title: "Mois déjà fermé / Month already closed");
        }
        var frozen = await reports.SlaAsync(period, ct);
        await evidence.AppendAsync(Evidence.EvidenceFacts.MonthClosed(frozen, by, time.GetUtcNow()), ct);
        return Results.Json(frozen, ReportJsonContext.Default.SlaReport);
    }

    /// <summary><c>GET /api/v1/incidents?status=open|acknowledged|restored|active|all</c>.</summary>
    public static async Task<IResult> IncidentsAsync(string? status, ServiceLevelReports reports, HttpContext http, CancellationToken ct)
    {
        IReadOnlyList<Incidents.Incident> list = (await reports.IncidentsAsync(IncidentLookback, ct)).Where(i => ServiceLevelReports.Matches(i, status)).ToList();
        if (ClientScope.Of(http, reports.Catalog) is { } scope) list = scope.Filter(list);
        return Results.Json(list, ReportJsonContext.Default.IReadOnlyListIncident);
    }

    /// <summary><c>POST /api/v1/incidents/{id}/ack</c>: the first acknowledgement stands.</summary>
    public static async Task<IResult> AcknowledgeAsync(string id, ServiceLevelReports reports, Storage.ICollectorStore store, TimeProvider time, HttpContext http,
        Evidence.EvidenceWriter evidence, CancellationToken ct)
    {
        var incident = (await reports.IncidentsAsync(IncidentLookback, ct)).FirstOrDefault(i => i.Id == id);
        if (incident is null) return Results.Problem(statusCode: 404, title: "Incident inconnu / Unknown incident");
        var by = ApiPrincipal.Of(http)?.Name ?? ApiRoles.Operator;
        var at = time.GetUtcNow();
        var first = await store.AcknowledgeAsync(id, by, at, ct);
        if (!first) return Results.Problem(statusCode: 409, title: "Incident déjà pris en charge / Incident already acknowledged");
        await evidence.AppendAsync([Evidence.EvidenceFacts.IncidentAcknowledged(incident, by, at, reports.Catalog)], ct);
        var updated = (await reports.IncidentsAsync(IncidentLookback, ct)).First(i => i.Id == id);
        return Results.Json<IReadOnlyList<Incidents.Incident>>([updated], ReportJsonContext.Default.IReadOnlyListIncident);
    }

    /// <summary><c>GET /api/v1/rpo</c>.</summary>
    public static async Task<IResult> RpoAsync(ServiceLevelReports reports, HttpContext http, CancellationToken ct)
    {
        var guests = await reports.RpoAsync(ct);
        if (ClientScope.Of(http, reports.Catalog) is { } scope) guests = scope.Filter(guests);
        return Results.Json(guests, ReportJsonContext.Default.IReadOnlyListGuestRpo);
    }
}
