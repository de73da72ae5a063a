using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>Whole batches (the unit the stores write set-wise) and retention across months.</summary>
public abstract partial class CollectorStoreContractTests
{
    [Fact]
    public async Task Batch_DuplicatesAndOutOfOrderSeqs_EachStoredOnce_FoldAsInOrder()
    {
        await Health("ceph", HealthStatus.Ok, T0, seq: 2);
        // One result every 30 s, sent out of order, with a repeat inside the batch and one of a previous batch.
        var batch = new (long Seq, int Poll, HealthStatus Status)[]
        {
            (5, 3, HealthStatus.Ok), (3, 1, HealthStatus.Critical), (2, 0, HealthStatus.Ok), (4, 2, HealthStatus.Critical), (3, 1, HealthStatus.Critical),
            (1, -1, HealthStatus.Ok),
        };
        var items = batch.Select(b => IngestItems.Of(Result("ceph", b.Status, T0.AddSeconds(30 * b.Poll), b.Seq))).ToList();
        items.Insert(2, IngestItems.Of(new TelemetryBatch
        {
            Site = "lanaudiere", Node = "pve2", Seq = 1, Ts = T0, Source = "victron", Samples = [new Sample("battery.soc", 50, "%")],
        }));
        var outcomes = await _store.StoreBatchAsync(items, T0.AddHours(1), default);

        Assert.Equal([StoreOutcome.Inserted, StoreOutcome.Inserted, StoreOutcome.Inserted, StoreOutcome.Duplicate, StoreOutcome.Inserted,
            StoreOutcome.Duplicate, StoreOutcome.Inserted], outcomes);
        Assert.Equal([1L, 2, 3, 4, 5], (await _store.GetSeqsAsync("lanaudiere", "pve1", default)).Order());
        var rows = await _store.GetCheckIntervalsAsync(T0.AddHours(-1), T0.AddDays(1), default);
        Assert.Equal(
            [(HealthStatus.Ok, T0.AddSeconds(-30), (DateTimeOffset?)T0.AddSeconds(30)), (HealthStatus.Critical, T0.AddSeconds(30), T0.AddSeconds(90)),
                (HealthStatus.Ok, T0.AddSeconds(90), null)],
            rows.Select(r => (r.Status, r.From, r.To)));
        var delivery = (IDeliveryStore)_store;
        Assert.Equal([("pve1", 5L), ("pve2", 1L)], (await delivery.GetWatermarksAsync(default)).Select(w => (w.Node, w.Through)));
    }

    [Fact]
    public async Task Prune_AcrossMonths_KeepsEveryMessageFromTheCut_BackFilledMonthStoredAfter()
    {
        var september = new DateTimeOffset(2026, 9, 20, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] times = [september, september.AddDays(20), september.AddDays(30), september.AddDays(46)];
        for (var i = 0; i < times.Length; i++) await Health("ceph", HealthStatus.Ok, times[i], seq: i + 1);

        Assert.Equal(2, await _store.PruneTelemetryAsync(new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero), default));
        Assert.Equal([3L, 4L], (await _store.GetSeqsAsync("lanaudiere", "pve1", default)).Order());
        Assert.Equal(0, await _store.PruneTelemetryAsync(new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero), default));

        // A replay from before every stored month (an agent back from a long outage): stored, and its result folded.
        await Health("ceph", HealthStatus.Critical, september.AddDays(-30), seq: 5);
        Assert.Equal([3L, 4L, 5L], (await _store.GetSeqsAsync("lanaudiere", "pve1", default)).Order());
        var first = (await _store.GetCheckIntervalsAsync(september.AddDays(-40), september.AddDays(60), default))[0];
        Assert.Equal((HealthStatus.Critical, september.AddDays(-30), (DateTimeOffset?)september), (first.Status, first.From, first.To));
    }
}
