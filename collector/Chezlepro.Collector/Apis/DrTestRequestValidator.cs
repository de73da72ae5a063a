using System.Globalization;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.DrTests;

namespace Chezlepro.Collector.Apis;

/// <summary>The rules of a DR test body, with French and English texts naming the field and the value.</summary>
public static class DrTestRequestValidator
{
    private const int MaxMinutes = 366 * 24 * 60;

    /// <summary>The problems of a body (empty when valid) and, when valid, the test to store (id 0).</summary>
    public static (List<(string French, string English)> Problems, DrTest? Test) Check(DrTestRequestDto? body, CatalogOptions catalog, DateOnly today,
        string author, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (body is null) return ([("corps JSON manquant", "JSON body missing")], null);
        var problems = new List<(string, string)>();
        if (!DateOnly.TryParseExact(body.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            problems.Add(($"date = '{body.Date}' : attendu aaaa-mm-jj", $"date = '{body.Date}': expected yyyy-MM-dd"));
        else if (date > today)
            problems.Add(($"date = '{body.Date}' : dans le futur", $"date = '{body.Date}': in the future"));
        if (string.IsNullOrWhiteSpace(body.Scenario) || body.Scenario.Length > 500)
            problems.Add(("scenario : requis, 500 caractères au plus", "scenario: required, 500 characters at most"));
        if (body.Findings is null || body.Findings.Length > 10_000)
            problems.Add(("findings : requis (peut être vide), 10 000 caractères au plus", "findings: required (may be empty), 10,000 characters at most"));
        if (body.ReportUrl is not null && !(Uri.TryCreate(body.ReportUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            problems.Add(($"reportUrl = '{body.ReportUrl}' : adresse http(s) absolue attendue", $"reportUrl = '{body.ReportUrl}': absolute http(s) address expected"));
        var lines = new List<DrTestService>();
        if (body.Services is not { Count: > 0 })
            problems.Add(("services : au moins un service", "services: at least one service"));
        for (var i = 0; i < (body.Services?.Count ?? 0); i++)
        {
            var s = body.Services![i];
            var service = s?.Service is { } id ? catalog.FindService(id) : null;
            if (service is null)
                problems.Add(($"services[{i}].service = '{s?.Service}' : service inconnu du catalogue", $"services[{i}].service = '{s?.Service}': not a service of the catalog"));
            else if (lines.Any(l => l.Service == service.Id))
                problems.Add(($"services[{i}].service = '{service.Id}' : en double", $"services[{i}].service = '{service.Id}': listed twice"));
            if (s?.RtoMinutes is not (>= 0 and <= MaxMinutes))
                problems.Add(($"services[{i}].rtoMinutes = '{s?.RtoMinutes}' : requis, de 0 à {MaxMinutes}", $"services[{i}].rtoMinutes = '{s?.RtoMinutes}': required, 0 to {MaxMinutes}"));
            if (s?.RpoMinutes is not (>= 0 and <= MaxMinutes))
                problems.Add(($"services[{i}].rpoMinutes = '{s?.RpoMinutes}' : requis, de 0 à {MaxMinutes}", $"services[{i}].rpoMinutes = '{s?.RpoMinutes}': required, 0 to {MaxMinutes}"));
            if (service is not null && s is { RtoMinutes: { } rto, RpoMinutes: { } rpo } && lines.All(l => l.Service != service.Id))
                lines.Add(DrTargets.Measure(service.Id, service.ParsedCategory, rto, rpo));
        }
        return problems.Count > 0 ? (problems, null) : (problems, new DrTest(0, date, body.Scenario!, lines, body.Findings!, body.ReportUrl, author, now));
    }
}
