using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.RestoreTests;

namespace Chezlepro.Collector.Apis;

/// <summary>The rules of a restore-test request body, with French and English texts naming the field and the value.</summary>
public static class RestoreTestRequestValidator
{
    /// <summary>Longest notes accepted.</summary>
    public const int MaxNotes = 10_000;

    private static readonly double MaxSeconds = TimeSpan.FromDays(366).TotalSeconds;

    /// <summary>The problems of a body (empty when valid) and, when valid, the test to store (origin request, by <paramref name="author"/>).</summary>
    public static (List<(string French, string English)> Problems, RestoreTest? Test) Check(RestoreTestRequestDto? body, CatalogOptions catalog, string author,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (body is null) return ([("corps JSON manquant", "JSON body missing")], null);
        var problems = new List<(string, string)>();
        var contracts = catalog.Contracts.Where(c => string.Equals(c.Client, body.Client, StringComparison.Ordinal)).ToList();
        if (contracts.Count == 0)
            problems.Add(($"client = '{body.Client}' : aucun contrat de ce client au catalogue", $"client = '{body.Client}': no contract of this client in the catalog"));
        var guest = catalog.Guests.Find(g => string.Equals(g.Id, body.Guest, StringComparison.Ordinal));
        if (guest is null)
            problems.Add(($"guest = '{body.Guest}' : invité inconnu du catalogue", $"guest = '{body.Guest}': not a guest of the catalog"));
        else if (contracts.Count > 0 && !contracts.Any(c => c.Services.Contains(guest.Service, StringComparer.Ordinal)))
            problems.Add(($"guest = '{body.Guest}' : pas un invité des services de {body.Client}", $"guest = '{body.Guest}': not a guest of {body.Client}'s services"));
        var requestedAt = Time(problems, "requestedAt", body.RequestedAt, now);
        var startedAt = Time(problems, "startedAt", body.StartedAt, now);
        if (requestedAt is not null && startedAt < requestedAt)
            problems.Add(($"startedAt = '{body.StartedAt}' : avant requestedAt", $"startedAt = '{body.StartedAt}': before requestedAt"));
        if (body.DurationSeconds is not { } duration || !(duration >= 0 && duration <= MaxSeconds))
            problems.Add(($"durationSeconds = '{body.DurationSeconds}' : requis, de 0 à {MaxSeconds}", $"durationSeconds = '{body.DurationSeconds}': required, 0 to {MaxSeconds}"));
        if (!RestoreOutcomes.IsKnown(body.Outcome))
        {
            var all = string.Join(", ", RestoreOutcomes.All);
            problems.Add(($"outcome = '{body.Outcome}' : attendu l’un de {all}", $"outcome = '{body.Outcome}': expected one of {all}"));
        }
        if (body.Snapshot is { } snapshot && (snapshot.Length is 0 or > 512 || snapshot.Any(char.IsControl)))
            problems.Add(("snapshot : 1 à 512 caractères, sans caractère de contrôle", "snapshot: 1 to 512 characters, no control character"));
        if (body.Notes is { Length: > MaxNotes })
            problems.Add(($"notes : {MaxNotes} caractères au plus", $"notes: {MaxNotes} characters at most"));
        if (problems.Count > 0) return (problems, null);
        return (problems, new RestoreTest(RestoreTestOrigins.Request, body.Client, guest!.Id, guest.Service, null, body.Snapshot, null, null,
            Math.Round(body.DurationSeconds!.Value, 3), body.Outcome!, startedAt!.Value, requestedAt, author, body.Notes));
    }

    private static DateTimeOffset? Time(List<(string, string)> problems, string key, string? text, DateTimeOffset now)
    {
        var t = RestoreResultReader.ParseTime(text);
        if (t is null)
            problems.Add(($"{key} = '{text}' : requis, une date-heure RFC 3339 avec son décalage", $"{key} = '{text}': required, an RFC 3339 time with its offset"));
        else if (t > now + NoticeRequestValidator.Skew)
            problems.Add(($"{key} = '{text}' : dans le futur", $"{key} = '{text}': in the future"));
        return t;
    }
}
