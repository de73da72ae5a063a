using System.Globalization;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Incidents.Notices;

namespace Chezlepro.Collector.Apis;

/// <summary>The rules of a notice body, with French and English texts naming the field and the value.</summary>
public static class NoticeRequestValidator
{
    /// <summary>Longest summary accepted.</summary>
    public const int MaxSummary = 2000;

    /// <summary>How far in the future a sentAt may be (clock skew between the operator and the collector).</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>The problems of a body for an incident (empty when valid) and the notice's time when valid.</summary>
    public static (List<(string French, string English)> Problems, DateTimeOffset SentAt) Check(NoticeRequestDto? body, Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var problems = new List<(string, string)>();
        if (body is null) return ([("corps JSON manquant", "JSON body missing")], now);
        if (!NoticeTypes.IsKnown(body.Type))
        {
            var all = string.Join(", ", NoticeTypes.All);
            problems.Add(($"type = '{body.Type}' : attendu l’un de {all}", $"type = '{body.Type}': expected one of {all}"));
        }
        if (body.Type != NoticeTypes.BreachDeclared && !IsChannel(body.Channel))
            problems.Add(($"channel = '{body.Channel}' : requis, lettres minuscules, chiffres et « - » (40 au plus)",
                $"channel = '{body.Channel}': required, lower-case letters, digits and '-' (40 at most)"));
        var sentAt = now;
        if (body.SentAt is not null)
        {
            if (!DateTimeOffset.TryParse(body.SentAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out sentAt))
                problems.Add(($"sentAt = '{body.SentAt}' : pas une heure RFC 3339", $"sentAt = '{body.SentAt}': not an RFC 3339 time"));
            else if (sentAt > now + Skew)
                problems.Add(($"sentAt = '{body.SentAt}' : dans le futur", $"sentAt = '{body.SentAt}': in the future"));
            else if (sentAt < incident.StartedAt)
                problems.Add(($"sentAt = '{body.SentAt}' : avant le début de l’incident ({incident.StartedAt:O})",
                    $"sentAt = '{body.SentAt}': before the incident started ({incident.StartedAt:O})"));
        }
        if (body.Summary is { Length: > MaxSummary })
            problems.Add(($"summary : {body.Summary.Length} caractères, {MaxSummary} au plus", $"summary: {body.Summary.Length} characters, {MaxSummary} at most"));
        return (problems, sentAt);
    }

    private static bool IsChannel(string? channel) =>
        channel is { Length: > 0 and <= 40 } && channel.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
