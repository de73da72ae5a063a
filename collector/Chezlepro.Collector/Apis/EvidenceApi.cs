using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// <c>GET /api/v1/evidence?from=&amp;to=&amp;client=&amp;format=json|jsonl</c> (a bundle: a client key gets its own, the
/// others' records as stubs), <c>GET /api/v1/evidence/heads</c>, <c>POST /api/v1/evidence/heads</c> (take and publish a
/// head now; operator, leader only).
/// </summary>
public static class EvidenceApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/evidence", BundleAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader, ClientAccess.Scoped))
            .WithTags("evidence").WithName("GetEvidence").WithSummary("Evidence journal bundle (a client key sees its records, the others as stubs)");
        // Heads are hashes and record counts of the whole chain: a client needs them to verify and learns nothing of another client.
        app.MapGet("/api/v1/evidence/heads", HeadsAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader, ClientAccess.Scoped))
            .WithTags("evidence").WithName("GetEvidenceHeads").WithSummary("Daily heads of the evidence journal");
        app.MapPost("/api/v1/evidence/heads", PublishHeadAsync).AddEndpointFilter(new ApiKeyFilter(ApiRoles.Operator))
            .WithTags("evidence").WithName("PostEvidenceHead").WithSummary("Take and publish the head now (operator, leader)");
        return app;
    }

    /// <summary>The bundle of [from, to): dates are Toronto days (to inclusive), or RFC 3339 times; defaults to the last 30 days and everything since.</summary>
    public static async Task<IResult> BundleAsync(string? from, string? to, string? client, string? format, EvidenceJournal journal,
        ServiceLevelReports reports, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!TryTime(from, now.AddDays(-30), endOfDay: false, out var start)) return ApiProblems.BadRequest(DayOrTime("from", from));
        if (!TryTime(to, now.AddDays(1), endOfDay: true, out var end)) return ApiProblems.BadRequest(DayOrTime("to", to));
        if (end <= start) return ApiProblems.BadRequest(new Texts.Bilingual("«\u00a0to\u00a0» doit suivre «\u00a0from\u00a0».", "to must be after from."));
        if (format is not (null or "json" or "jsonl")) return ApiProblems.BadRequest(ParameterTexts.OneOf("format", format, "json", "jsonl"));
        // A client key always gets its own bundle, whatever it asks for.
        var who = ClientScope.Of(http, reports.Catalog) is { } scope ? scope.Client : client;
        var bundle = await journal.BundleAsync(who, start, end, ct);
        if (format == "jsonl") return Results.Text(bundle.ToJsonLines(), "application/x-ndjson", Encoding.UTF8);
        var json = bundle.Header();
        json["records"] = new JsonArray(bundle.Items.Select(i => (JsonNode)EvidenceBundle.Line(i)).ToArray());
        json["heads"] = new JsonArray(bundle.Heads.Select(h => (JsonNode)EvidenceBundle.Line(h)).ToArray());
        return Results.Text(json.ToJsonString(), "application/json", Encoding.UTF8);
    }

    /// <summary>Every head kept.</summary>
    public static async Task<IResult> HeadsAsync(EvidenceJournal journal, CancellationToken ct)
    {
        var heads = await journal.HeadsAsync(ct);
        return Results.Text(new JsonArray(heads.Select(h => (JsonNode)HeadJson(h)).ToArray()).ToJsonString(), "application/json", Encoding.UTF8);
    }

    /// <summary>Takes the head now (named after today in Toronto), keeps, logs and publishes it (<c>published</c> false when the broker was unreachable); 409 on a collector that does not lead.</summary>
    public static async Task<IResult> PublishHeadAsync(EvidenceHeadPublisher publisher, ILeadership leadership, TimeProvider time, CancellationToken ct)
    {
        if (!leadership.IsLeader) return Results.Problem(statusCode: 409, title: "Ce collecteur ne mène pas / This collector does not lead");
        var (head, published) = await publisher.PublishAsync(LocalTime.DateOf(time.GetUtcNow(), LocalTime.Toronto), ct);
        var json = HeadJson(head);
        json["published"] = published;
        return Results.Text(json.ToJsonString(), "application/json", Encoding.UTF8, statusCode: 201);
    }

    private static JsonObject HeadJson(EvidenceHead h) => new()
    {
        ["date"] = h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["records"] = h.Records,
        ["head"] = h.Head,
        ["takenAt"] = EvidenceCanonical.FormatAt(h.TakenAt),
    };

    private static bool TryTime(string? text, DateTimeOffset fallback, bool endOfDay, out DateTimeOffset value)
    {
        value = fallback;
        if (text is null) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            value = LocalTime.StartOfDay(endOfDay ? day.AddDays(1) : day, LocalTime.Toronto);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static Texts.Bilingual DayOrTime(string key, string? value) =>
        Texts.Bilingual.KeyValue(key, value, "aaaa-MM-jj ou une date-heure RFC\u00a03339 attendue.", "use yyyy-MM-dd or an RFC 3339 time.");
}
