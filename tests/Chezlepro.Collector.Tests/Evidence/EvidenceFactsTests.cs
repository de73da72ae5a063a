using System.Text.Json.Nodes;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

/// <summary>Each collector event becomes records whose client comes from the catalog, and no client's record names another's services or contracts.</summary>
public sealed class EvidenceFactsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private static CatalogOptions Catalog(decimal alphaFee = 100m) => new()
    {
        Services =
        [
            new ServiceDefinition { Id = "mail-a", Checks = [new CheckReference { Site = "ovh", Node = "proxy1", Check = "mail" }] },
            new ServiceDefinition { Id = "erp-b", Checks = [new CheckReference { Site = "lanaudiere", Node = "pve1", Check = "erp" }] },
            new ServiceDefinition { Id = "dns", Checks = [new CheckReference { Site = "ovh", Node = "proxy1", Check = "dns" }] },
        ],
        Contracts =
        [
            new ContractDefinition { Id = "contrat-a", Client = "alpha", Services = ["mail-a", "dns"], MonthlyFee = alphaFee },
            new ContractDefinition { Id = "contrat-b", Client = "beta", Services = ["erp-b", "dns"], MonthlyFee = 200m },
        ],
    };

    private static Incident Incident(string service) => new()
    {
        Id = $"{service}-20261121T1400Z", ServiceId = service, Priority = Priority.P1, StartedAt = T0, DetectedAt = T0.AddMinutes(1),
        RestoredAt = T0.AddHours(1), AcknowledgeDueAt = T0.AddMinutes(31), RestoreDueAt = T0.AddHours(4), AcknowledgeBreached = false, RestoreBreached = false,
    };

    [Fact]
    public void Incident_OneClientsService_HasThatClient_ASharedOne_NamesBothInDataClients()
    {
        var own = EvidenceFacts.IncidentDetected(Incident("erp-b"), Catalog());
        Assert.Equal(("beta", (JsonNode?)null), (own.Client, own.Data["clients"]));
        var shared = EvidenceFacts.IncidentRestored(Incident("dns"), T0.AddHours(1), Catalog());
        Assert.Null(shared.Client);
        Assert.Equal("[\"alpha\",\"beta\"]", shared.Data["clients"]!.ToJsonString());
        Assert.Equal("|alpha|beta|", EvidenceJournal.Audience(shared.Client, shared.Data));
        var ack = EvidenceFacts.IncidentAcknowledged(Incident("mail-a"), "Alice Tremblay", T0.AddMinutes(5), Catalog());
        Assert.Equal(("alpha", "Alice Tremblay"), (ack.Client, ack.Data["by"]!.GetValue<string>()));
    }

    [Fact]
    public void Maintenance_PerClientRecordListsOnlyItsServices_ProviderRecordAll()
    {
        var window = new MaintenanceWindow("mw-1", T0.AddDays(1), T0.AddDays(1).AddHours(1), ["mail-a", "erp-b"], "Mise à jour", T0, null);
        var entries = EvidenceFacts.MaintenanceAnnounced(window, Catalog());
        Assert.Equal([(null, "mw-1"), ("alpha", "mw-1:alpha"), ("beta", "mw-1:beta")], entries.Select(e => (e.Client, e.Subject)));
        Assert.DoesNotContain("erp-b", entries[1].Data.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("mail-a", entries[2].Data.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Failover_ClientsWithAServiceOnTheGroupsChecks()
    {
        var group = new FailoverGroupDefinition { Id = "public", Checks = [new CheckReference { Site = "ovh", Node = "proxy1", Check = "dns" }] };
        var decision = new FailoverDecision { Group = "public", Active = "st-bruno", Previous = "ovh", Epoch = 7, Mode = "automatic", Reason = "primary-unreachable", DecidedAt = T0 };
        var entry = EvidenceFacts.FailoverDecided(group, decision, Catalog());
        Assert.Equal((null, "public#7"), (entry.Client, entry.Subject));
        Assert.Equal("[\"alpha\",\"beta\"]", entry.Data["clients"]!.ToJsonString());
    }

    [Fact]
    public void ContractChanges_FirstStartRecords_SameCatalogNothing_OneContractChangedOnlyItsClient()
    {
        var first = EvidenceFacts.ContractChanges(null, Catalog(), T0);
        Assert.Equal([(null, "catalog"), ("alpha", "catalog:alpha"), ("beta", "catalog:beta")], first.Select(e => (e.Client, e.Subject)));
        var stored = EvidenceChain.Seal(first[0], 1, EvidenceCanonical.Genesis);
        Assert.Empty(EvidenceFacts.ContractChanges(stored, Catalog(), T0.AddDays(1)));

        var changed = EvidenceFacts.ContractChanges(stored, Catalog(alphaFee: 120m), T0.AddDays(1));
        Assert.Equal([(null, "catalog"), ("alpha", "catalog:alpha")], changed.Select(e => (e.Client, e.Subject)));
        Assert.Equal("[\"contrat-a\"]", changed[0].Data["changed"]!.ToJsonString());
        Assert.Equal(stored.Data["fingerprint"]!.GetValue<string>(), changed[0].Data["previous"]!.GetValue<string>());
        Assert.DoesNotContain("contrat-b", changed[1].Data.ToJsonString(), StringComparison.Ordinal);
    }
}
