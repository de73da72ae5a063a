using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Agent.Tests.Outbox;

/// <summary>Bounds on every row, in eviction order, each loss declared exactly by a gaps notice in the same transaction.</summary>
public sealed class SqliteOutboxEvictionTests : IAsyncLifetime
{
    private const int Row = 300 * 1024;
    private static readonly OutboxOptions OneMiB = new() { MaxBytes = 1 << 20 };
    private readonly OutboxFile _file = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task Prune_OverSize_SentAndUnsentAlike_TelemetryFirst_NoticeWithoutRanges()
    {
        var outbox = await _file.OpenAsync(OneMiB);
        await outbox.AppendAsync([Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry), Big(OutboxKind.Health), Big(OutboxKind.Telemetry), Big(OutboxKind.Alert)], default);
        await outbox.MarkSentAsync([1L, 2L, 3L], default);

        Assert.Equal(2, await _file.PruneAsync(outbox));

        var left = await outbox.PeekAsync(0, 10, default);
        Assert.Equal([3L, 4L, 5L, 6L], left.Select(r => r.Seq));
        var notice = Assert.Single(await OutboxFile.NoticesAsync(outbox));
        Assert.Equal(6, notice.Seq);
        Assert.Equal((1L, 2L, 2L, EvictedRange.ReasonBytes), (notice.Evicted.From, notice.Evicted.To, notice.Evicted.Count, notice.Evicted.Reason));
        Assert.Null(notice.Evicted.Ranges);
        var stats = await outbox.GetStatsAsync(default);
        Assert.True(stats.Bytes <= OneMiB.MaxBytes, $"{stats.Bytes} bytes kept");
        Assert.Equal((2L, 1L), (stats.Evicted, stats.GapsNotices));
    }

    [Fact]
    public async Task Prune_EvictedInterleavedWithKeptRows_NoticeListsExactRuns()
    {
        var outbox = await _file.OpenAsync(new OutboxOptions { MaxBytes = 2 << 20 });
        // T H T T H T T: by size, telemetry 1, 3, 4, 6 go (oldest first) and the health results stay.
        await outbox.AppendAsync([Big(OutboxKind.Telemetry), Small(OutboxKind.Health), Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry),
            Small(OutboxKind.Health), Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry),
            Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry)], default);

        var evicted = await _file.PruneAsync(outbox);

        var notice = Assert.Single(await OutboxFile.NoticesAsync(outbox)).Evicted;
        var kept = (await outbox.PeekAsync(0, 100, default)).Select(r => r.Seq).ToHashSet();
        var declared = notice.Ranges!.SelectMany(r => Enumerable.Range((int)r.From, (int)(r.To - r.From + 1)).Select(i => (long)i)).ToList();
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i).Where(s => !kept.Contains(s)), declared);
        Assert.Equal(evicted, notice.Count);
        Assert.Equal([new SeqSpan(1, 1), new SeqSpan(3, 4)], notice.Ranges!.Take(2));
        Assert.Contains(2L, kept);
        Assert.Contains(5L, kept);
        Assert.Equal((declared[0], declared[^1]), (notice.From, notice.To));
    }

    [Fact]
    public async Task Prune_OnlyHealthAndAlertsLeft_OldestOfThoseGo_NoticeKept()
    {
        var outbox = await _file.OpenAsync(OneMiB);
        await outbox.AppendAsync([Big(OutboxKind.Health), Big(OutboxKind.Alert), Big(OutboxKind.Health), Big(OutboxKind.Alert)], default);

        Assert.Equal(1, await _file.PruneAsync(outbox));

        var left = await outbox.PeekAsync(0, 10, default);
        Assert.Equal([2L, 3L, 4L, 5L], left.Select(r => r.Seq));
        Assert.Equal(OutboxKind.Gaps, left[^1].Kind);
    }

    [Fact]
    public async Task Prune_OldNoticesEvictedLastOfAll()
    {
        var outbox = await _file.OpenAsync(OneMiB);
        await outbox.AppendAsync([Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry)], default);
        await _file.PruneAsync(outbox);   // seq 1 goes, notice 5
        await outbox.AppendAsync([Big(OutboxKind.Health)], default);   // 6
        await _file.PruneAsync(outbox);   // telemetry 2 goes first, notice 5 stays, notice 7

        var left = (await outbox.PeekAsync(0, 10, default)).Select(r => (r.Seq, r.Kind)).ToList();
        Assert.Equal([(3L, OutboxKind.Telemetry), (4L, OutboxKind.Telemetry), (5L, OutboxKind.Gaps), (6L, OutboxKind.Health), (7L, OutboxKind.Gaps)], left);
    }

    [Fact]
    public async Task Prune_NoticeCannotBeWritten_NothingEvicted()
    {
        var outbox = await _file.OpenAsync(OneMiB);
        await outbox.AppendAsync([Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry), Big(OutboxKind.Telemetry)], default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.PruneAsync(_file.Time.GetUtcNow(),
            e => new PendingMessage(OutboxKind.Gaps, "g", _ => throw new InvalidOperationException("disk says no")), default));

        var stats = await outbox.GetStatsAsync(default);
        Assert.Equal((4L, 0L, 0L, 5L), (stats.Unacknowledged, stats.Evicted, stats.GapsNotices, stats.NextSeq));
    }

    [Fact]
    public async Task Prune_TooOld_AgeNotice()
    {
        var outbox = await _file.OpenAsync(new OutboxOptions { MaxAge = TimeSpan.FromHours(1) });
        await outbox.AppendAsync([OutboxFile.Msg(), OutboxFile.Msg(OutboxKind.Alert)], default);
        _file.Time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(2, await _file.PruneAsync(outbox));

        var notice = Assert.Single(await OutboxFile.NoticesAsync(outbox));
        Assert.Equal((1L, 2L, 2L, EvictedRange.ReasonAge, "n"), (notice.Evicted.From, notice.Evicted.To, notice.Evicted.Count, notice.Evicted.Reason, notice.Node));
        Assert.Equal(0, await _file.PruneAsync(outbox));
    }

    [Fact]
    public void Describe_ManyRuns_SplitIntoNoticesOfBoundedSize()
    {
        var seqs = Enumerable.Range(0, GapsNoticeDraft.MaxRanges + 10).Select(i => 1L + 2 * i).ToList();
        var drafts = GapsNoticeDraft.Describe(seqs, EvictedRange.ReasonBytes, _file.Notice).ToList();
        Assert.Equal([GapsNoticeDraft.MaxRanges, 10], drafts.Select(d => d.Evicted.Ranges!.Count));
        Assert.Equal(seqs.Count, drafts.Sum(d => d.Evicted.Count));
        Assert.True(drafts[0].Evicted.To < drafts[1].Evicted.From);
    }

    private static PendingMessage Big(OutboxKind kind) => OutboxFile.Big(kind, Row);

    private static PendingMessage Small(OutboxKind kind) => OutboxFile.Big(kind, 100);
}
