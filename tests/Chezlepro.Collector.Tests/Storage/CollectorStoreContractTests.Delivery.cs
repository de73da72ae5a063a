using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Watermarks;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>The delivery watermark of the store contract: advanced in the batch transaction, the same whatever the arrival order.</summary>
public abstract partial class CollectorStoreContractTests
{
    private static readonly DateTimeOffset D0 = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);

    private IDeliveryStore Delivery => (IDeliveryStore)_store;

    private static IngestItem Msg(long seq, string node = "pve1") => IngestItems.Of(new TelemetryBatch
    {
        Site = "lanaudiere", Node = node, Seq = seq, Ts = D0.AddSeconds(seq), Source = "victron", Samples = [new Sample("battery.soc", seq, "%")],
    });

    private static IngestItem Notice(long seq, long from, long to, params SeqSpan[] ranges) => IngestItems.Of(new GapsNotice
    {
        Site = "lanaudiere", Node = "pve1", Seq = seq, Ts = D0.AddSeconds(seq),
        Evicted = new EvictedRange
        {
            From = from, To = to, Reason = EvictedRange.ReasonBytes, Ranges = ranges.Length == 0 ? null : ranges,
            Count = ranges.Length == 0 ? to - from + 1 : ranges.Sum(r => r.To - r.From + 1),
        },
    });

    // Every delivery test also checks that what the batch returns as committed is what the store then reads.
    private async Task<long> Watermark(params IngestItem[] batch)
    {
        var committed = batch.Length > 0 ? (await _store.StoreBatchAsync(batch, D0.AddMinutes(1), default)).Watermarks.SingleOrDefault(w => w.Node == "pve1") : null;
        var stored = (await Delivery.GetDeliveryAsync("lanaudiere", "pve1", 10, default))?.Watermark ?? -1;
        if (committed is not null) Assert.Equal(stored, committed.Through);
        return stored;
    }

    [Fact]
    public async Task Delivery_BatchReturnsTheCommittedWatermarkOfEveryNodeWithASeq_NotOfAStatusOnlyNode()
    {
        await _store.StoreBatchAsync([Msg(1, "pve2"), Msg(2, "pve2"), Msg(3, "pve2")], D0, default);
        var status = IngestItems.Of(new StatusMessage { Site = "lanaudiere", Node = "pve9", Online = true, Session = 1, Ts = D0 });
        var result = await _store.StoreBatchAsync([Msg(1), Msg(2), Msg(4), status, Msg(5, "pve2"), Msg(4, "pve2")], D0.AddMinutes(1), default);
        Assert.Equal([("pve1", 2L), ("pve2", 5L)], result.Watermarks.Select(w => (w.Node, w.Through)).Order());
        var stored = (await Delivery.GetWatermarksAsync(default)).Where(w => w.Node != "pve9").Select(w => (w.Node, w.Through)).Order();
        Assert.Equal(result.Watermarks.Select(w => (w.Node, w.Through)).Order(), stored);
        Assert.Equal(6, result.Count);
        Assert.Equal(StoreOutcome.StatusApplied, result[3]);
    }

    private async Task<IReadOnlyList<MissingRange>> Holes() =>
        (await Delivery.GetDeliveryAsync("lanaudiere", "pve1", 10, default))!.Missing.Where(m => !m.Explained).ToList();

    [Fact]
    public async Task Delivery_InOrder_WatermarkIsTheLastSeq()
    {
        Assert.Equal(5, await Watermark(Msg(1), Msg(2), Msg(3), Msg(4), Msg(5)));
        Assert.Equal(6, await Watermark(Msg(6)));
        Assert.Empty(await Holes());
    }

    [Fact]
    public async Task Delivery_OutOfOrder_HoleHoldsUntilItArrives()
    {
        Assert.Equal(2, await Watermark(Msg(1), Msg(2), Msg(5), Msg(4)));
        var hole = Assert.Single(await Holes());
        Assert.Equal((3L, 3L, 1L), (hole.From, hole.To, hole.Count));
        Assert.Equal(D0.AddMinutes(1), hole.Since);
        Assert.Equal(5, await Watermark(Msg(3)));
        Assert.Empty(await Holes());
    }

    [Fact]
    public async Task Delivery_Duplicates_CountOnce()
    {
        Assert.Equal(2, await Watermark(Msg(1), Msg(2), Msg(2)));
        Assert.Equal(2, await Watermark(Msg(1)));
        Assert.Equal(3, await Watermark(Msg(3), Msg(3)));
        var d = await Delivery.GetDeliveryAsync("lanaudiere", "pve1", 10, default);
        Assert.Equal((3L, 3L), (d!.Watermark, d.LastReceivedSeq));
    }

    [Fact]
    public async Task Delivery_NoticeWithoutRanges_PassesTheWholeRange()
    {
        Assert.Equal(10, await Watermark(Msg(1), Msg(2), Notice(10, 3, 9)));
        var explained = Assert.Single((await Delivery.GetDeliveryAsync("lanaudiere", "pve1", 10, default))!.Missing);
        Assert.Equal((3L, 9L, 7L, true, "bytes"), (explained.From, explained.To, explained.Count, explained.Explained, explained.Reason));
    }

    [Fact]
    public async Task Delivery_NoticeWithRanges_KeptRowsInsideHoldTheWatermark()
    {
        // 2-3 and 5-8 evicted; 4 and 9 are kept rows still on their way: the watermark must wait for each.
        Assert.Equal(3, await Watermark(Msg(1), Notice(10, 2, 8, new SeqSpan(2, 3), new SeqSpan(5, 8))));
        Assert.Equal([(4L, 4L), (9L, 9L)], (await Holes()).Select(h => (h.From, h.To)));
        Assert.Equal(8, await Watermark(Msg(4)));
        Assert.Equal(10, await Watermark(Msg(9)));
    }

    [Fact]
    public async Task Delivery_NoticeBeforeItsNeighbours_SameWatermark()
    {
        Assert.Equal(0, await Watermark(Notice(6, 2, 4)));
        Assert.Equal(4, await Watermark(Msg(1)));
        Assert.Equal(6, await Watermark(Msg(5)));
        Assert.Equal(7, await Watermark(Msg(7)));
    }

    [Fact]
    public async Task Delivery_RejectedSeq_PassedAndListed()
    {
        Assert.Equal(3, await Watermark(Msg(1), new IngestItem(null, new RejectedSeq("lanaudiere", "pve1", 2, "schema")), Msg(3)));
        var d = await Delivery.GetDeliveryAsync("lanaudiere", "pve1", 10, default);
        Assert.Equal(1, d!.RejectedCount);
        Assert.Equal((2L, "schema"), (Assert.Single(d.LastRejected).Seq, d.LastRejected[0].Cause));
        Assert.Equal(2, (await _store.GetSeqsAsync("lanaudiere", "pve1", default)).Count);
    }

    [Fact]
    public async Task Delivery_Restart_StateReadFromTheStore()
    {
        Assert.Equal(1, await Watermark(Msg(1), Msg(3), Msg(4)));
        await _store.DisposeAsync();
        _store = await OpenAsync();
        await _store.InitializeAsync(default);
        Assert.Equal(1, await Watermark());
        Assert.Equal(4, await Watermark(Msg(2)));
    }

    [Fact]
    public async Task Delivery_PruneOfOldRows_NeitherBackwardsNorStalled()
    {
        Assert.Equal(3, await Watermark(Msg(1), Msg(2), Msg(3), Msg(5), Msg(6)));
        Assert.True(await _store.PruneTelemetryAsync(D0.AddDays(1), default) >= 5);
        Assert.Equal(3, await Watermark());
        // The rows above the hole are gone with the retention, but they were received: the hole filled passes them.
        Assert.Equal(6, await Watermark(Msg(4)));
        Assert.Equal(6, await Watermark(Msg(2)));
    }

    [Fact]
    public async Task Delivery_SeveralNodesInOneBatch_EachItsOwn()
    {
        await _store.StoreBatchAsync([Msg(1, "pve1"), Msg(1, "pve2"), Msg(3, "pve2"), Msg(2, "pve1")], D0, default);
        var marks = await Delivery.GetWatermarksAsync(default);
        Assert.Equal([("pve1", 2L), ("pve2", 1L)], marks.Select(m => (m.Node, m.Through)));
        var summaries = await Delivery.GetDeliverySummariesAsync(default);
        Assert.Equal([("pve1", 0L, (DateTimeOffset?)null), ("pve2", 1L, D0)], summaries.Select(s => (s.Node, s.UnexplainedMissing, s.OldestUnexplainedSince)));
    }

    [Fact]
    public async Task Delivery_EvictedSpans_InferredFromTheStoredNeighbours()
    {
        await Watermark(Msg(1), Msg(9), Notice(10, 2, 8), Notice(12, 11, 11));
        var spans = await Delivery.GetEvictedSpansAsync(D0, D0.AddHours(1), default);
        Assert.Equal([(2L, 8L, D0.AddSeconds(1), D0.AddSeconds(9)), (11L, 11L, D0.AddSeconds(10), D0.AddSeconds(12))],
            spans.Select(s => (s.Run.From, s.Run.To, s.From, s.To)));
        Assert.Empty(await Delivery.GetEvictedSpansAsync(D0.AddSeconds(13), D0.AddHours(1), default));
    }

    [Fact]
    public async Task Delivery_UnknownNode_Null_StatusOnlyNode_Zero()
    {
        Assert.Null(await Delivery.GetDeliveryAsync("lanaudiere", "nope", 10, default));
        await _store.StoreBatchAsync([IngestItems.Of(new StatusMessage { Site = "lanaudiere", Node = "pve9", Online = true, Session = 1, Ts = D0 })], D0, default);
        Assert.Equal(0, (await Delivery.GetDeliveryAsync("lanaudiere", "pve9", 10, default))!.Watermark);
        Assert.Contains(new NodeWatermark("lanaudiere", "pve9", 0), await Delivery.GetWatermarksAsync(default));
    }
    // PostgreSQL decides "new" from the delivery row (above the watermark and not pending) and looks in messages only for
    // the other seqs: each kind of seq, on both engines.
    [Fact]
    public async Task Dedup_PendingSeqResent_Duplicate_SeqThePassedWatermarkDeclaredEvicted_StoredOnceWhenItArrivesAfterAll()
    {
        Assert.Equal([StoreOutcome.Inserted, StoreOutcome.Inserted], await _store.StoreBatchAsync([Msg(1), Msg(5)], D0, default));
        // 5 is pending above the watermark (1), 6 is new above it.
        Assert.Equal([StoreOutcome.Duplicate, StoreOutcome.Inserted], await _store.StoreBatchAsync([Msg(5), Msg(6)], D0, default));
        Assert.Equal(7, await Watermark(Notice(7, 2, 4)));
        // 3 was sent before the agent evicted it and arrives after the notice moved the watermark past it: kept, once.
        Assert.Equal([StoreOutcome.Inserted], await _store.StoreBatchAsync([Msg(3)], D0, default));
        Assert.Equal([StoreOutcome.Duplicate, StoreOutcome.Duplicate, StoreOutcome.Duplicate, StoreOutcome.Inserted],
            await _store.StoreBatchAsync([Msg(3), Msg(1), Msg(6), Msg(8)], D0, default));
        Assert.Equal(8, await Watermark());
    }

    // Pending seqs are read lazily (PostgreSQL reads one per node in the first round trip, both read more only once the
    // batch moved the walk up to them): a hole wider than one 4,096-seq chunk still fills in one step.
    [Fact]
    public async Task Delivery_LongHole_HeldWhileItLasts_FillsPastSeveralChunksWhenItsSeqArrives()
    {
        Assert.Equal(0, await Watermark([.. Enumerable.Range(2, 5001).Select(s => Msg(s))]));
        Assert.Equal(0, await Watermark(Msg(5004)));
        Assert.Equal(0, await Watermark(Msg(5005), Msg(3)));
        Assert.Equal(5002, await Watermark(Msg(1)));
        var hole = Assert.Single(await Holes());
        Assert.Equal((5003L, 5003L), (hole.From, hole.To));
        Assert.Equal(5005, await Watermark(Msg(5003)));
        Assert.Empty(await Holes());
    }
}
