using Microsoft.AspNetCore.Http;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// The 400 answer of the notices and DR-test POSTs: problem details whose <c>detail</c> is French (read first) and
/// <c>detailEn</c> English, each listing every problem of the body, separated by "; ".
/// </summary>
public static class RecordProblems
{
    /// <summary>Title of every such answer.</summary>
    public const string Title = "Requête invalide / Invalid request";

    /// <summary>A 400 listing the problems (French, English) found in a body.</summary>
    public static IResult Invalid(IReadOnlyList<(string French, string English)> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return Results.Problem(statusCode: 400, title: Title, detail: string.Join("; ", problems.Select(p => p.French)),
            extensions: new Dictionary<string, object?> { ["detailEn"] = string.Join("; ", problems.Select(p => p.English)) });
    }
}
