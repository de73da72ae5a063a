using System.Text.Json.Nodes;
using Chezlepro.Collector.Patches;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary><c>GET /api/v1/patches</c> reads the latest <c>patch</c> result of each node through the store (issue 20).</summary>
public abstract partial class CollectorStoreContractTests
{
    [Fact]
    public async Task PatchStates_LatestPatchResultPerNode_NodesWithoutOneLeftOut()
    {
        JsonObject Details(int pending, int security) => new()
        {
            ["pending"] = pending, ["security"] = security, ["lastPatchAt"] = "2026-11-18T11:26:03Z", ["packages"] = new JsonArray("libssl3"),
        };
        await StoreHealth(Result("patch", HealthStatus.Ok, T0, ++_seq) with { Details = Details(6, 1) });
        await StoreHealth(Result("patch", HealthStatus.Warning, T0.AddHours(6), ++_seq) with { Details = Details(7, 2) });
        await StoreHealth(Result("patch", HealthStatus.Unknown, T0.AddHours(6), ++_seq) with { Node = "pve2", Details = new JsonObject { ["lastPatchAt"] = null } });
        await StoreHealth(Result("ceph", HealthStatus.Ok, T0, ++_seq) with { Node = "pve3" });

        var states = await PatchStates.ReadAsync(_store, T0.AddHours(7), default);

        Assert.Equal(
            [("pve1", (int?)7, (int?)2, (DateTimeOffset?)new DateTimeOffset(2026, 11, 18, 11, 26, 3, TimeSpan.Zero), (int?)3, "warning", T0.AddHours(6)),
                ("pve2", null, null, null, null, "unknown", T0.AddHours(6))],
            states.Select(s => (s.Node, s.Pending, s.Security, s.LastPatchAt, s.DaysSinceLastPatch, s.Status, s.UpdatedAt)));
        Assert.Equal(["libssl3"], states[0].Packages);
    }
}
