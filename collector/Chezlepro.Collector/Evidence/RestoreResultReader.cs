using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Storage;

using Chezlepro.Collector.RestoreTests;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// Reads a node's <c>restore.&lt;name&gt;</c> health result (details <c>guest</c>, <c>snapshot</c>, <c>archive</c>,
/// <c>bytes</c>, <c>durationSeconds</c>, <c>outcome</c>, <c>sha256</c>, <c>startedAt</c>) as a scheduled test, its
/// service and client from the catalog (Guests → Service → Contracts → Client).
/// </summary>
public static class RestoreResultReader
{
    /// <summary>Check name prefix of the results.</summary>
    public const string CheckPrefix = "restore.";

    /// <summary>The detail that tells two runs apart (the agent repeats the last one between runs).</summary>
    public const string RunKey = "startedAt";

    private const int MaxText = 512;
    private static readonly double MaxSeconds = TimeSpan.FromDays(366).TotalSeconds;

    /// <summary>The test, or null when the result is not a readable run (no start, an unknown outcome, bad JSON).</summary>
    public static RestoreTest? Read(StoredHealthResult result, CatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!result.Check.StartsWith(CheckPrefix, StringComparison.Ordinal) || result.Check.Length == CheckPrefix.Length) return null;
        var details = Details(result.Payload);
        if (details is null || Time(details, RunKey) is not { } startedAt) return null;
        var outcome = Text(details, "outcome");
        if (!RestoreOutcomes.IsKnown(outcome)) return null;
        var duration = Number(details, "durationSeconds") is { } d && d >= 0 && d <= MaxSeconds ? Math.Round(d, 3) : 0;
        var bytes = Number(details, "bytes") is { } b && b >= 0 && b < 1e15 && b == Math.Floor(b) ? (long)b : (long?)null;
        var guest = Text(details, "guest") ?? "";
        var (service, client) = Owner(catalog, guest);
        return new RestoreTest(RestoreTestOrigins.Schedule, client, guest, service, result.Check[CheckPrefix.Length..], Text(details, "snapshot"),
            Text(details, "archive"), bytes, duration, outcome!, startedAt, null, null, null)
        {
            Sha256 = Text(details, "sha256"), Site = result.Site, Node = result.Node,
        };
    }

    /// <summary>The guest's service and, when exactly one client's contracts include it, that client.</summary>
    public static (string? Service, string? Client) Owner(CatalogOptions catalog, string guest)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var service = catalog.Guests.Find(g => string.Equals(g.Id, guest, StringComparison.Ordinal))?.Service;
        if (service is null) return (null, null);
        var clients = catalog.Contracts.Where(c => c.Services.Contains(service, StringComparer.Ordinal)).Select(c => c.Client).Distinct(StringComparer.Ordinal).ToList();
        return (service, clients.Count == 1 ? clients[0] : null);
    }

    /// <summary>The <c>details</c> object of a stored result, null when the JSON is unreadable or has none.</summary>
    public static JsonObject? Details(string payload)
    {
        try
        {
            return JsonNode.Parse(payload) is JsonObject o && o["details"] is JsonObject d ? d : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string detail of at most 512 characters, null otherwise.</summary>
    public static string? Text(JsonObject details, string key)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 and <= MaxText } s ? s : null;
    }

    /// <summary>An RFC 3339 time detail (an offset or <c>Z</c> required), null otherwise.</summary>
    public static DateTimeOffset? Time(JsonObject details, string key) => ParseTime(Text(details, key));

    /// <summary>An RFC 3339 time with its offset, null otherwise.</summary>
    public static DateTimeOffset? ParseTime(string? text) =>
        text is { Length: >= 20 and <= 40 } && (text.EndsWith('Z') || text[^6] is '+' or '-')
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t.ToUniversalTime() : null;

    private static double? Number(JsonObject details, string key) =>
        details[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;
}
