using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Texts;
using Microsoft.AspNetCore.Http;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// The problem documents (RFC 9457) of every API: the title "French / English" (one line a person reads), <c>detail</c>
/// in French and the extension <c>detailEn</c> in English, the text answered before issue 17, so clients that grep
/// the English keep working. A validation failure also lists its English problems in <c>problems</c>, as before.
/// </summary>
public static class ApiProblems
{
    /// <summary>Title of a 400.</summary>
    public const string InvalidTitle = "Requête invalide / Invalid request";

    /// <summary>Name of the English detail extension.</summary>
    public const string DetailEn = "detailEn";

    /// <summary>A 400 naming the bad parameter or field, its value and the reason.</summary>
    public static IResult BadRequest(Bilingual problem) => Invalid(StatusCodes.Status400BadRequest, InvalidTitle, [problem]);

    /// <summary>A 400 naming each bad parameter or field, its value and the reason.</summary>
    public static IResult BadRequest(IReadOnlyList<Bilingual> problems) => Invalid(StatusCodes.Status400BadRequest, InvalidTitle, problems);

    /// <summary>A 400 (or <paramref name="status"/>) from validation problems of a request body.</summary>
    public static IResult Invalid(int status, string title, IEnumerable<CatalogProblem> problems) =>
        Invalid(status, title, problems.Select(p => Bilingual.KeyValue(p.Key, p.Value, p.ReasonFr ?? p.Reason, p.Reason)).ToList());

    /// <summary>A problem with a title and, when given, the detail in both languages.</summary>
    public static IResult Problem(int status, string title, Bilingual? detail = null, IDictionary<string, object?>? extensions = null)
    {
        if (detail is null) return Results.Problem(statusCode: status, title: title, extensions: extensions);
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>(), StringComparer.Ordinal) { [DetailEn] = detail.Value.En };
        return Results.Problem(statusCode: status, title: title, detail: detail.Value.Fr, extensions: all);
    }

    private static IResult Invalid(int status, string title, IReadOnlyList<Bilingual> problems) =>
        Problem(status, title, Bilingual.Join(problems), new Dictionary<string, object?> { ["problems"] = problems.Select(p => p.En).ToArray() });
}
