using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>The latest result of each check keeps both texts the agent sent (issue 17: English kept as <c>summaryEn</c>).</summary>
public abstract partial class CollectorStoreContractTests
{
    [Fact]
    public async Task LatestHealth_SummaryEn_StoredWithTheFrenchOne_NullWhenNotSent_NotOverwrittenByALateResult()
    {
        await StoreHealth(Result("ceph", HealthStatus.Warning, T0.AddMinutes(5), ++_seq) with
        {
            Summary = "HEALTH_WARN : 1 OSD en panne", SummaryEn = "HEALTH_WARN: 1 osds down",
        });
        await StoreHealth(Result("proxmox.quorum", HealthStatus.Ok, T0, ++_seq) with { Summary = "Quorum atteint" });
        // Replayed backlog: older than the stored result, so neither text may replace it.
        await StoreHealth(Result("ceph", HealthStatus.Ok, T0, ++_seq) with { Summary = "HEALTH_OK", SummaryEn = "HEALTH_OK (old)" });

        var health = (await _store.GetLatestAsync("lanaudiere", "pve1", default))!.Value.Health;
        Assert.Equal(
            [("ceph", "HEALTH_WARN : 1 OSD en panne", "HEALTH_WARN: 1 osds down"), ("proxmox.quorum", "Quorum atteint", (string?)null)],
            health.Select(h => (h.Check, h.Summary, h.SummaryEn)));
    }

    [Fact]
    public async Task LatestHealth_BatchOfTwoResultsOfOneCheck_NewestSummaryEnKept()
    {
        var items = new[]
        {
            Result("ceph", HealthStatus.Critical, T0.AddMinutes(1), 11) with { Summary = "HEALTH_ERR", SummaryEn = "newest" },
            Result("ceph", HealthStatus.Warning, T0, 10) with { Summary = "HEALTH_WARN", SummaryEn = "older" },
        }.Select(IngestItems.Of).ToList();
        await _store.StoreBatchAsync(items, T0.AddMinutes(2), default);

        var only = Assert.Single((await _store.GetLatestAsync("lanaudiere", "pve1", default))!.Value.Health);
        Assert.Equal(("HEALTH_ERR", "newest"), (only.Summary, only.SummaryEn));
    }

    private async Task StoreHealth(HealthResult r) => Assert.Equal(StoreOutcome.Inserted, await _store.StoreOneAsync(IngestItems.Of(r), r.Ts));
}
