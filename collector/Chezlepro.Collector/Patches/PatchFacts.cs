using System.Text.Json.Nodes;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Evidence;

namespace Chezlepro.Collector.Patches;

/// <summary>
/// The <c>patch.state</c> records a node's state becomes against the last one journaled: a patch run (its
/// <c>lastPatchAt</c> moved forward; at = that time) or, without one, a change of the security count (at = the time of the
/// result that showed it). Each record carries the state after it, which is the baseline of the next.
/// </summary>
public static class PatchFacts
{
    /// <summary>The record to append, or null when nothing changed since <paramref name="last"/> (null: nothing journaled yet).</summary>
    public static EvidenceEntry? Change(PatchBaseline? last, PatchState state, CatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(catalog);
        string change;
        DateTimeOffset at;
        if (state.LastPatchAt is { } patched && (last?.LastPatchAt is not { } before || patched > before))
            (change, at) = ("patched", patched);
        else if (state.Security is { } security && security != last?.Security)
            (change, at) = ("security", state.UpdatedAt);
        else
            return null;
        var data = new JsonObject
        {
            ["change"] = change,
            ["site"] = state.Site,
            ["node"] = state.Node,
            ["pending"] = state.Pending,
            ["security"] = state.Security,
            ["lastPatchAt"] = state.LastPatchAt is { } l ? EvidenceCanonical.FormatAt(l) : null,
            ["pendingBefore"] = last?.Pending,
            ["securityBefore"] = last?.Security,
            ["lastPatchBefore"] = last?.LastPatchAt is { } b ? EvidenceCanonical.FormatAt(b) : null,
            ["packages"] = new JsonArray([.. state.Packages.Select(p => (JsonNode?)p)]),
        };
        // A node serves several clients: a provider fact naming each, so every one of them reads it in full.
        var clients = PatchStates.ClientsOf(catalog, state.Site, state.Node);
        if (clients.Count > 0) data["clients"] = new JsonArray([.. clients.Select(c => (JsonNode?)c)]);
        return new EvidenceEntry(EvidenceKinds.PatchState, at, null, state.Subject, data);
    }

    /// <summary>The state a journaled record leaves (its fields after the change).</summary>
    public static PatchBaseline After(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new PatchBaseline(Int(data["pending"]), Int(data["security"]),
            data["lastPatchAt"] is JsonValue v && v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal, out var at) ? at : null);
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : node is JsonValue d && d.TryGetValue<double>(out var x) ? (int)x : null;
}
