using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Patches;
using Xunit;

namespace Chezlepro.Collector.Tests.Patches;

public sealed class PatchFactsTests
{
    private static readonly DateTimeOffset Patched = new(2026, 11, 20, 11, 26, 3, TimeSpan.Zero);
    private static readonly DateTimeOffset Seen = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private static readonly CatalogOptions Catalog = new()
    {
        Services = [new ServiceDefinition { Id = "mail", Checks = [new CheckReference { Site = "ovh", Node = "pve1", Check = "probe.mail" }] }],
        Contracts = [new ContractDefinition { Id = "c1", Client = "OBNL Alpha", Services = ["mail"] }],
    };

    private static PatchState State(int? pending, int? security, DateTimeOffset? last) =>
        new("ovh", "pve1", pending, security, last, 1, "ok", Seen, security > 0 ? ["libssl3"] : []);

    [Fact]
    public void Change_PatchRun_AtItsTime_BeforeAndAfterCounts_ClientsNamed()
    {
        var entry = PatchFacts.Change(new PatchBaseline(6, 2, Patched.AddDays(-7)), State(0, 0, Patched), Catalog)!;

        Assert.Equal((EvidenceKinds.PatchState, Patched, (string?)null, "ovh/pve1"), (entry.Kind, entry.At, entry.Client, entry.Subject));
        Assert.Equal(
            """{"change":"patched","site":"ovh","node":"pve1","pending":0,"security":0,"lastPatchAt":"2026-11-20T11:26:03.000Z","pendingBefore":6,"securityBefore":2,"lastPatchBefore":"2026-11-13T11:26:03.000Z","packages":[],"clients":["OBNL Alpha"]}""",
            entry.Data.ToJsonString());
        Assert.Equal(new PatchBaseline(0, 0, Patched), PatchFacts.After(entry.Data));
    }

    [Fact]
    public void Change_SecurityCountOnly_AtTheResultTime()
    {
        var entry = PatchFacts.Change(new PatchBaseline(6, 0, Patched), State(7, 1, Patched), Catalog)!;

        Assert.Equal(("security", Seen, "libssl3"), ((string?)entry.Data["change"], entry.At, (string?)entry.Data["packages"]![0]));
    }

    [Fact]
    public void Change_NothingJournaledYet_ThePatchRunOnRecord()
    {
        var entry = PatchFacts.Change(null, State(3, 1, Patched), Catalog)!;

        Assert.Equal(("patched", Patched), ((string?)entry.Data["change"], entry.At));
        Assert.Null(entry.Data["securityBefore"]);
    }

    [Theory]
    [InlineData(6, 2, 0)]     // same state
    [InlineData(9, 2, 0)]     // pending alone moved: not a journal fact
    [InlineData(null, null, 0)] // simulation failed: nothing known changed
    [InlineData(6, 2, -3)]    // an older lastPatchAt (the current log lost its runs): not a patch run
    public void Change_NoPatchRunNorSecurityChange_Null(int? pending, int? security, int shiftDays) =>
        Assert.Null(PatchFacts.Change(new PatchBaseline(6, 2, Patched), State(pending, security, Patched.AddDays(shiftDays)), Catalog));
}
