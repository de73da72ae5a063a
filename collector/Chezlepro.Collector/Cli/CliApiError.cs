using System.Net;
using System.Text.Json;

namespace Chezlepro.Collector.Cli;

/// <summary>The message of an API error: a problem document's title and detail, or the validation problems, else the status.</summary>
public static class CliApiError
{
    private const int MaxRaw = 300;

    /// <summary>What to print after the status.</summary>
    public static string Message(string body, HttpStatusCode status)
    {
        if (string.IsNullOrWhiteSpace(body)) return status.ToString();
        try
        {
            var json = JsonSerializer.Deserialize<JsonElement>(body);
            var problems = json.Items("problems").Select(p => p.ToString()).ToList();
            if (problems.Count > 0) return string.Join("; ", problems);
            var title = json.Str("title");
            var detail = json.Str("detail");
            if (title is not null) return detail is null ? title : $"{title} — {detail}";
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): shown as received, cut short.
        }
        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length > MaxRaw ? flat[..MaxRaw] + "…" : flat;
    }
}
