using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Reports.ClientReport;
using Chezlepro.Collector.Texts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chezlepro.Collector.Apis;

/// <summary><c>GET /api/v1/sla/{yyyy-MM}/report?contract=&amp;format=html|pdf&amp;lang=fr|en&amp;paper=letter|a4</c> (contract.md).</summary>
public static class ClientReportApi
{
    /// <summary>Maps the route, with the reader role of the other SLA routes.</summary>
    public static IEndpointRouteBuilder MapClientReportApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").AddEndpointFilter(new ApiKeyFilter(ApiRoles.Reader, ClientAccess.Scoped)).WithTags("service levels");
        read.MapGet("/sla/{month}/report", ReportAsync).WithName("GetSlaClientReport")
            .WithSummary("The monthly client report of one contract, French by default (lang=en): availability per service, periods and causes, incidents with MTTA/MTTR, RPO, the credit step by step, the fingerprint; HTML or PDF (printed by Chromium, 503 without it)")
            .Produces<string>(StatusCodes.Status200OK, "text/html", "application/pdf")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>The report; 400 on a bad parameter, 404 for a contract not in the month, 503 for a PDF without Chromium.</summary>
    public static async Task<IResult> ReportAsync(string month, string? contract, string? format, string? lang, string? paper,
        ClientReportBuilder builder, ChromiumPdfPrinter printer, ServiceLevelReports reports, HttpContext http, CancellationToken ct)
    {
        var problems = new List<Bilingual>();
        if (!MonthPeriod.TryParse(month, out var period)) problems.Add(ParameterTexts.Month(month));
        if (string.IsNullOrWhiteSpace(contract)) problems.Add(ParameterTexts.Required("contract", "l’identifiant d’un contrat du catalogue", "a contract id of the catalog"));
        var pdf = format switch { null or "" or "html" => false, "pdf" => true, _ => (bool?)null };
        if (pdf is null) problems.Add(ParameterTexts.OneOf("format", format, "html", "pdf"));
        var language = lang switch { null or "" or "fr" => ReportLanguage.French, "en" => ReportLanguage.English, _ => (ReportLanguage?)null };
        if (language is null) problems.Add(ParameterTexts.OneOf("lang", lang, "fr", "en"));
        var sheet = paper switch { null or "" or "letter" => ReportPaper.Letter, "a4" => ReportPaper.A4, _ => (ReportPaper?)null };
        if (sheet is null) problems.Add(ParameterTexts.OneOf("paper", paper, "letter", "a4"));
        if (problems.Count > 0) return ApiProblems.BadRequest(problems);

        if (ClientScope.Of(http, reports.Catalog)?.SeesContract(contract!) == false || await builder.BuildAsync(period, contract!, ct) is not { } document)
            return Results.Problem(statusCode: 404, title: "Contrat inconnu pour ce mois / Unknown contract for this month");
        var html = ClientReportHtml.Write(document, language!.Value, sheet!.Value);
        if (pdf == false) return Results.Text(html, "text/html; charset=utf-8");

        try
        {
            if (await printer.PrintAsync(html, ct) is not { } bytes)
            {
                return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Chromium absent / Chromium missing",
                    new($"Installez le paquet Debian «\u00a0{ReportsOptions.ChromiumPackage}\u00a0» (apt-get install {ReportsOptions.ChromiumPackage}) ou réglez Reports:ChromiumPath. "
                        + "Le rapport HTML (format=html) n’a besoin de rien.",
                        $"Install the Debian package '{ReportsOptions.ChromiumPackage}' (apt-get install {ReportsOptions.ChromiumPackage}) or set Reports:ChromiumPath. The HTML report (format=html) needs nothing."),
                    new Dictionary<string, object?> { ["package"] = ReportsOptions.ChromiumPackage });
            }
            return Results.File(bytes, "application/pdf", $"rapport-{document.Sla.ContractId}-{period}.pdf");
        }
        catch (TimeoutException)
        {
            return Results.Problem(statusCode: 503, title: "Impression PDF trop longue / PDF printing timed out");
        }
        catch (InvalidOperationException)
        {
            return Results.Problem(statusCode: 500, title: "Échec de l’impression PDF / PDF printing failed");
        }
    }
}
