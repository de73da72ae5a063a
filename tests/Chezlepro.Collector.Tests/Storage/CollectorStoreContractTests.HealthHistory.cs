using System.Text.Json.Nodes;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>
/// The stored health results read back once per distinct fact (issue 20: a PBS verification or a restore run the agent
/// repeats at every poll is read once; a second one between two reads is not lost), on both stores.
/// </summary>
public abstract partial class CollectorStoreContractTests
{
    [Fact]
    public async Task HealthHistory_RepeatedFactOnce_EarliestResult_NewFactsKept_OtherChecksAndOldResultsLeftOut()
    {
        await Verified("pbs.backup.vm-101", "vm/101/2026-11-20T02:00:00Z", "ok", T0);
        await Verified("pbs.backup.vm-101", "vm/101/2026-11-20T02:00:00Z", "ok", T0.AddMinutes(5));
        // Replayed late: earlier than the first one read, so it is the one returned.
        await Verified("pbs.backup.vm-101", "vm/101/2026-11-20T02:00:00Z", "ok", T0.AddMinutes(-5));
        await Verified("pbs.backup.vm-101", "vm/101/2026-11-21T02:00:00Z", "failed", T0.AddMinutes(10));
        await Verified("pbs.backup.vm-101", "vm/101/2026-11-21T02:00:00Z", "ok", T0.AddMinutes(15));
        await Verified("pbs.backup.vm-202", "vm/202/2026-11-21T02:00:00Z", "ok", T0.AddMinutes(1));
        await Verified("pbs.backup.vm-303", "vm/303/2026-11-10T02:00:00Z", "ok", T0.AddDays(-8));
        await Verified("restore.erp", "vm/101/2026-11-20T02:00:00Z", "ok", T0.AddMinutes(2));
        await Health("pbs.backupx", HealthStatus.Ok, T0.AddMinutes(3));

        var history = Assert.IsAssignableFrom<IHealthResultHistory>(_store);
        var rows = await history.GetDistinctHealthResultsAsync("pbs.backup.", ["verifySnapshot", "verifyState"], T0.AddDays(-7), T0.AddDays(-30), default);

        Assert.Equal(
            [("pbs.backup.vm-101", T0.AddMinutes(-5)), ("pbs.backup.vm-202", T0.AddMinutes(1)), ("pbs.backup.vm-101", T0.AddMinutes(10)), ("pbs.backup.vm-101", T0.AddMinutes(15))],
            rows.Select(r => (r.Check, r.Ts)));
        var last = JsonNode.Parse(rows[^1].Payload)!["details"]!;
        Assert.Equal(("vm/101/2026-11-21T02:00:00Z", "ok"), (last["verifySnapshot"]!.GetValue<string>(), last["verifyState"]!.GetValue<string>()));
        Assert.Equal(("lanaudiere", "pve1"), (rows[0].Site, rows[0].Node));
        // Received since: the results stored (received) from T0 + 10 min on only.
        var recent = await history.GetDistinctHealthResultsAsync("pbs.backup.", ["verifySnapshot", "verifyState"], T0.AddDays(-7), T0.AddMinutes(10), default);
        Assert.Equal([T0.AddMinutes(10), T0.AddMinutes(15)], recent.Select(r => r.Ts));
        await Assert.ThrowsAsync<ArgumentException>(() => history.GetDistinctHealthResultsAsync("pbs.backup.", ["x') OR 1=1 --"], T0, T0, default));
    }

    private async Task Verified(string check, string snapshot, string state, DateTimeOffset ts) =>
        await StoreHealth(Result(check, HealthStatus.Ok, ts, ++_seq) with
        {
            Details = new JsonObject { ["verifySnapshot"] = snapshot, ["verifyState"] = state, ["lastBackupAt"] = ts.ToString("O") },
        });
}
