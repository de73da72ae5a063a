using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Sla;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// The entries the collector's own events become, with their client from the catalog (service → contract → client).
/// A fact about a service shared by several clients names them all in <c>data.clients</c>; a fact whose details differ
/// per client (a maintenance window, a closed month, a contract change) is one record per client with only that
/// client's part, its subject suffixed with <c>:client</c>, so no client reads another's services or contracts.
/// </summary>
public static class EvidenceFacts
{
    /// <summary>The incident was detected (at its detection time, so a recomputation gives the same record).</summary>
    public static EvidenceEntry IncidentDetected(Incident incident, CatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return ForService(EvidenceKinds.IncidentDetected, incident.DetectedAt, incident.Id, incident.ServiceId, catalog, new JsonObject
        {
            ["service"] = incident.ServiceId, ["priority"] = incident.Priority.ToString(), ["startedAt"] = EvidenceCanonical.FormatAt(incident.StartedAt),
        });
    }

    /// <summary>The service was restored.</summary>
    public static EvidenceEntry IncidentRestored(Incident incident, DateTimeOffset restoredAt, CatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return ForService(EvidenceKinds.IncidentRestored, restoredAt, incident.Id, incident.ServiceId, catalog, new JsonObject
        {
            ["service"] = incident.ServiceId, ["priority"] = incident.Priority.ToString(),
            ["detectedAt"] = EvidenceCanonical.FormatAt(incident.DetectedAt),
            ["restoreDueAt"] = EvidenceCanonical.FormatAt(incident.RestoreDueAt), ["restoreBreached"] = incident.RestoreBreached,
        });
    }

    /// <summary>The incident was acknowledged by the key's or token's name.</summary>
    public static EvidenceEntry IncidentAcknowledged(Incident incident, string by, DateTimeOffset at, CatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return ForService(EvidenceKinds.IncidentAcknowledged, at, incident.Id, incident.ServiceId, catalog, new JsonObject
        {
            ["service"] = incident.ServiceId, ["priority"] = incident.Priority.ToString(), ["by"] = by,
            ["acknowledgeDueAt"] = EvidenceCanonical.FormatAt(incident.AcknowledgeDueAt),
        });
    }

    /// <summary>One record per client whose services the window touches (its services only), one provider record with all.</summary>
    public static IReadOnlyList<EvidenceEntry> MaintenanceAnnounced(MaintenanceWindow window, CatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(catalog);
        JsonObject Data(IEnumerable<string> services) => new()
        {
            ["start"] = EvidenceCanonical.FormatAt(window.Start), ["end"] = EvidenceCanonical.FormatAt(window.End),
            ["services"] = new JsonArray(services.Order(StringComparer.Ordinal).Select(s => (JsonNode?)s).ToArray()), ["reason"] = window.Reason,
        };
        var list = new List<EvidenceEntry> { new(EvidenceKinds.MaintenanceAnnounced, window.CreatedAt, null, window.Id, Data(window.Services)) };
        foreach (var client in catalog.Contracts.Select(c => c.Client).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var theirs = window.Services.Where(s => ServicesOf(catalog, client).Contains(s)).ToList();
            if (theirs.Count > 0) list.Add(new(EvidenceKinds.MaintenanceAnnounced, window.CreatedAt, client, $"{window.Id}:{client}", Data(theirs)));
        }
        return list;
    }

    /// <summary>
    /// A closed month: a provider record with the whole report's fingerprint, and per client the fingerprint of the
    /// report restricted to its contracts (<see cref="SlaReportFingerprint"/>), which it can recompute from what it is served.
    /// </summary>
    public static IReadOnlyList<EvidenceEntry> MonthClosed(SlaReport report, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        var list = new List<EvidenceEntry>
        {
            new(EvidenceKinds.MonthClosed, at, null, report.Month, new JsonObject { ["fingerprint"] = SlaReportFingerprint.Compute(report), ["by"] = by }),
        };
        foreach (var client in report.Contracts.GroupBy(c => c.Client, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var theirs = report with { Contracts = client.ToList() };
            list.Add(new(EvidenceKinds.MonthClosed, at, client.Key, $"{report.Month}:{client.Key}", new JsonObject
            {
                ["fingerprint"] = SlaReportFingerprint.Compute(theirs), ["by"] = by,
                ["contracts"] = new JsonArray(client.Select(c => c.ContractId).Order(StringComparer.Ordinal).Select(c => (JsonNode?)c).ToArray()),
            }));
        }
        return list;
    }

    /// <summary>A failover decision, visible to every client with a service checked on the group's checks.</summary>
    public static EvidenceEntry FailoverDecided(FailoverGroupDefinition group, FailoverDecision decision, CatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(catalog);
        var checks = group.Checks.Select(c => (c.Site, c.Node, c.Check)).ToHashSet();
        var services = catalog.Services.Where(s => s.Checks.Any(c => checks.Contains((c.Site, c.Node, c.Check)))).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var clients = catalog.Contracts.Where(c => c.Services.Any(services.Contains)).Select(c => c.Client).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        var data = new JsonObject
        {
            ["group"] = decision.Group, ["active"] = decision.Active, ["previous"] = decision.Previous, ["epoch"] = decision.Epoch,
            ["mode"] = decision.Mode, ["reason"] = decision.Reason,
        };
        if (clients.Count > 0) data["clients"] = new JsonArray(clients.Select(c => (JsonNode?)c).ToArray());
        return new EvidenceEntry(EvidenceKinds.FailoverDecision, decision.DecidedAt, null, $"{decision.Group}#{decision.Epoch}", data);
    }

    /// <summary>SHA-256 (hex) of one contract's configuration as bound, so any change of its terms changes it.</summary>
    public static string Fingerprint(ContractDefinition contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var json = new JsonObject
        {
            ["id"] = contract.Id, ["client"] = contract.Client,
            ["services"] = new JsonArray(contract.Services.Select(s => (JsonNode?)s).ToArray()),
            ["monthlyFee"] = contract.MonthlyFee.ToString(System.Globalization.CultureInfo.InvariantCulture), ["currency"] = contract.Currency,
            ["objective"] = contract.Objective.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["unknownCountsAsDown"] = contract.UnknownCountsAsDown, ["start"] = contract.Start.ToString("O"), ["end"] = contract.End?.ToString("O"),
            ["creditPerTranche"] = contract.CreditPerTranche.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["trancheSize"] = contract.TrancheSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["creditCap"] = contract.CreditCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Convert.ToHexStringLower(SHA256.HashData(EvidenceCanonical.Encode(json)));
    }

    /// <summary>
    /// When the contracts differ from the last <c>contract.changed</c> record (or none was ever written): a provider
    /// record with every contract's fingerprint (old and new catalog fingerprint, changed ids), and per client whose
    /// contracts changed a record with those contracts only. Empty when nothing changed.
    /// </summary>
    public static IReadOnlyList<EvidenceEntry> ContractChanges(EvidenceRecord? last, CatalogOptions catalog, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var now = catalog.Contracts.ToDictionary(c => c.Id, Fingerprint, StringComparer.Ordinal);
        var before = new Dictionary<string, string>(StringComparer.Ordinal);
        if (last?.Data["contracts"] is JsonObject previous)
        {
            foreach (var (id, fp) in previous) before[id] = fp?.GetValue<string>() ?? "";
        }
        var whole = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', now.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))));
        var old = last?.Data["fingerprint"]?.GetValue<string>();
        if (old == whole) return [];
        var changed = now.Keys.Union(before.Keys).Where(id => now.GetValueOrDefault(id) != before.GetValueOrDefault(id)).Order(StringComparer.Ordinal).ToList();
        var list = new List<EvidenceEntry>
        {
            new(EvidenceKinds.ContractChanged, at, null, "catalog", new JsonObject
            {
                ["previous"] = old, ["fingerprint"] = whole,
                ["changed"] = new JsonArray(changed.Select(c => (JsonNode?)c).ToArray()),
                ["contracts"] = new JsonObject(now.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            }),
        };
        var clientOf = catalog.Contracts.ToDictionary(c => c.Id, c => c.Client, StringComparer.Ordinal);
        foreach (var group in changed.Where(clientOf.ContainsKey).GroupBy(id => clientOf[id], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            list.Add(new(EvidenceKinds.ContractChanged, at, group.Key, $"catalog:{group.Key}", new JsonObject
            {
                ["contracts"] = new JsonObject(group.Select(id => KeyValuePair.Create(id, (JsonNode?)new JsonObject
                {
                    ["previous"] = before.GetValueOrDefault(id), ["fingerprint"] = now[id],
                }))),
            }));
        }
        return list;
    }

    private static HashSet<string> ServicesOf(CatalogOptions catalog, string client) =>
        catalog.Contracts.Where(c => c.Client == client).SelectMany(c => c.Services).ToHashSet(StringComparer.Ordinal);

    internal static EvidenceEntry ForService(string kind, DateTimeOffset at, string subject, string service, CatalogOptions catalog, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var clients = catalog.Contracts.Where(c => c.Services.Contains(service, StringComparer.Ordinal)).Select(c => c.Client)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (clients.Count == 1) return new EvidenceEntry(kind, at, clients[0], subject, data);
        if (clients.Count > 1) data["clients"] = new JsonArray(clients.Select(c => (JsonNode?)c).ToArray());
        return new EvidenceEntry(kind, at, null, subject, data);
    }
}
