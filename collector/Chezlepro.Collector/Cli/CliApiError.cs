using System.Net;
using System.Text.Json;

namespace Chezlepro.Collector.Cli;

/// <summary>
/// The message of an API error in the reader's language: a problem document's title (its French or English half) and
/// <c>detail</c> (French) or <c>detailEn</c> (English), else a bare list of validation problems, else the status.
/// </summary>
public static class CliApiError
{
    private const int MaxRaw = 300;
    private const string TitleSeparator = " / ";

    /// <summary>What to print after the status.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="status">The response status, printed when the body says nothing.</param>
    /// <param name="french">French (<c>--lang fr</c>, the default) or English.</param>
    public static string Message(string body, HttpStatusCode status, bool french)
    {
        if (string.IsNullOrWhiteSpace(body)) return status.ToString();
        try
        {
            var json = JsonSerializer.Deserialize<JsonElement>(body);
            if (json.Str("title") is { } title)
            {
                var detail = french ? json.Str("detail") : json.Str("detailEn") ?? json.Str("detail");
                title = Half(title, french);
                return detail is null ? title : $"{title} — {detail}";
            }
            var problems = json.Items("problems").Select(p => p.ToString()).ToList();
            if (problems.Count > 0) return string.Join("; ", problems);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): shown as received, cut short.
        }
        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length > MaxRaw ? flat[..MaxRaw] + "…" : flat;
    }

    // The collector's titles read "Français / English"; a title without the separator is shown whole.
    private static string Half(string title, bool french)
    {
        var at = title.IndexOf(TitleSeparator, StringComparison.Ordinal);
        if (at < 0) return title;
        return french ? title[..at] : title[(at + TitleSeparator.Length)..];
    }
}
