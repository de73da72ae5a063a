using Chezlepro.Collector.Texts;
using Microsoft.AspNetCore.Http;

namespace Chezlepro.Collector.Apis;

/// <summary>The 400 answer of the notices and DR-test POSTs, in the shape every API answers (<see cref="ApiProblems"/>).</summary>
public static class RecordProblems
{
    /// <summary>A 400 listing the problems (French, English) found in a body.</summary>
    public static IResult Invalid(IReadOnlyList<(string French, string English)> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return ApiProblems.BadRequest(problems.Select(p => new Bilingual(p.French, p.English)).ToList());
    }
}
