using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Patches;

/// <summary>
/// Reads every node's patch state from the store's latest health results (<c>patch</c> check, details
/// <c>pending</c>, <c>security</c>, <c>lastPatchAt</c>, <c>packages</c>), and names the clients a node serves.
/// </summary>
public static class PatchStates
{
    /// <summary>The agent's check name (agent/…/Sources/Patches).</summary>
    public const string Check = "patch";

    /// <summary>
    /// A result older than this says nothing of today's state (the agent polls every 6 h by default, at most daily):
    /// its status is <c>unknown</c>, its figures kept for what they were.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(2);

    /// <summary>The state of every node that reported a <c>patch</c> result, by site then node.</summary>
    public static async Task<IReadOnlyList<PatchState>> ReadAsync(ICollectorStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var states = new List<PatchState>();
        foreach (var node in (await store.GetNodesAsync(cancellationToken)).OrderBy(n => n.Site, StringComparer.Ordinal).ThenBy(n => n.Node, StringComparer.Ordinal))
        {
            if (await store.GetLatestAsync(node.Site, node.Node, cancellationToken) is not { } latest) continue;
            if (latest.Health.FirstOrDefault(h => h.Check == Check) is { } health) states.Add(From(node.Site, node.Node, health, now));
        }
        return states;
    }

    /// <summary>One node's state from its <c>patch</c> result; details the agent did not send, or sent malformed, are null; a stale result is <c>unknown</c>.</summary>
    public static PatchState From(string site, string node, HealthView health, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(health);
        var details = Parse(health.DetailsJson);
        var lastPatchAt = Text(details, "lastPatchAt") is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at : (DateTimeOffset?)null;
        var days = lastPatchAt is { } last ? (int)Math.Max(0, Math.Floor((now - last).TotalDays)) : (int?)null;
        var status = now - health.Ts > StaleAfter ? "unknown" : health.Status switch
        {
            HealthStatus.Ok => "ok",
            HealthStatus.Warning or HealthStatus.Critical => "warning",
            _ => "unknown",
        };
        var packages = details?["packages"] is JsonArray list ? list.Select(p => p is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList() : [];
        return new PatchState(site, node, Count(details, "pending"), Count(details, "security"), lastPatchAt, days, status, health.Ts, packages);
    }

    /// <summary>The clients with a service that has a check on the node, sorted (a provider fact names them in <c>data.clients</c>).</summary>
    public static IReadOnlyList<string> ClientsOf(CatalogOptions catalog, string site, string node)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var services = catalog.Services.Where(s => s.Checks.Any(c => c.Site == site && c.Node == node)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return catalog.Contracts.Where(c => c.Services.Any(services.Contains)).Select(c => c.Client)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static JsonObject? Parse(string? json)
    {
        if (json is null) return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? details, string key) =>
        details?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Count(JsonObject? details, string key) =>
        details?[key] is JsonValue v && v.TryGetValue<double>(out var d) && d >= 0 && d <= int.MaxValue && d == Math.Floor(d) ? (int)d : null;
}
