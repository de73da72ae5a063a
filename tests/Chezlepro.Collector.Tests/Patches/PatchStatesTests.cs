using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Patches;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Patches;

public sealed class PatchStatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_AgentDetails_StateAndWholeDays()
    {
        var health = new HealthView("patch", HealthStatus.Warning, "…",
            """{"lastPatchAt":"2026-11-20T11:26:03Z","pending":6,"security":4,"packages":["libssl3","openssl"]}""", Now.AddMinutes(-3));

        var s = PatchStates.From("ovh", "pve1", health, Now);

        Assert.Equal(("ovh/pve1", 6, 4, 7, "warning", Now.AddMinutes(-3)), (s.Subject, s.Pending, s.Security, s.DaysSinceLastPatch, s.Status, s.UpdatedAt));
        Assert.Equal(["libssl3", "openssl"], s.Packages);
    }

    [Fact]
    public void From_ResultOlderThanTwoDays_UnknownFiguresKept()
    {
        var health = new HealthView("patch", HealthStatus.Ok, "…", """{"pending":0,"security":0}""", Now - PatchStates.StaleAfter);

        Assert.Equal("ok", PatchStates.From("ovh", "pve1", health, Now).Status);
        Assert.Equal(("unknown", 0), (PatchStates.From("ovh", "pve1", health, Now.AddSeconds(1)).Status, PatchStates.From("ovh", "pve1", health, Now.AddSeconds(1)).Pending));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json {")]
    [InlineData("[1,2]")]
    [InlineData("""{"lastPatchAt":"yesterday","pending":-1,"security":2.5,"packages":"libssl3"}""")]
    [InlineData("""{"lastPatchAt":12,"pending":"6","security":null,"packages":[1,null]}""")]
    public void From_MissingOrMalformedDetails_NullsNotAFault(string? details)
    {
        var s = PatchStates.From("ovh", "pve1", new HealthView("patch", HealthStatus.Unknown, "…", details, Now), Now);

        Assert.Equal(((int?)null, (int?)null, (DateTimeOffset?)null, (int?)null, "unknown"), (s.Pending, s.Security, s.LastPatchAt, s.DaysSinceLastPatch, s.Status));
        Assert.Empty(s.Packages);
    }

    [Fact]
    public void ClientsOf_ClientsWithAServiceCheckedOnTheNode_Sorted()
    {
        var catalog = new CatalogOptions
        {
            Services =
            [
                new ServiceDefinition { Id = "mail", Checks = [new CheckReference { Site = "ovh", Node = "pve1", Check = "probe.mail" }] },
                new ServiceDefinition { Id = "erp", Checks = [new CheckReference { Site = "ovh", Node = "pve1", Check = "probe.erp" }] },
                new ServiceDefinition { Id = "web", Checks = [new CheckReference { Site = "ovh", Node = "pve2", Check = "probe.web" }] },
            ],
            Contracts =
            [
                new ContractDefinition { Id = "c1", Client = "Zeta", Services = ["mail"] },
                new ContractDefinition { Id = "c2", Client = "Alpha", Services = ["erp", "web"] },
                new ContractDefinition { Id = "c3", Client = "Beta", Services = ["web"] },
            ],
        };

        Assert.Equal(["Alpha", "Zeta"], PatchStates.ClientsOf(catalog, "ovh", "pve1"));
        Assert.Equal(["Alpha", "Beta"], PatchStates.ClientsOf(catalog, "ovh", "pve2"));
        Assert.Empty(PatchStates.ClientsOf(catalog, "lanaudiere", "pve1"));
    }
}
