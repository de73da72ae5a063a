using System.Text;
using Chezlepro.Agent.Outbox;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Agent.Tests.Outbox;

/// <summary>A lost outbox file (issue #15): a fresh outbox adopts its node's watermark instead of restarting at seq 1.</summary>
public sealed class SqliteOutboxAdoptionTests : IAsyncLifetime
{
    private readonly OutboxFile _file = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task Fresh_OverRangeWatermark_Adopted_RowsAndPayloadsRenumberedAboveIt_WaitingAgain()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Json("réseau"), OutboxFile.Json(), OutboxFile.Json()], default);
        await outbox.MarkSentAsync([1L, 2L], default);

        Assert.Equal(WatermarkOutcome.Adopted, await outbox.AcknowledgeAsync(1000, default));

        var rows = await outbox.PeekAsync(0, 10, default);
        Assert.Equal([1001L, 1002L, 1003L], rows.Select(r => r.Seq));
        Assert.Equal([1001L, 1002L, 1003L], rows.Select(OutboxFile.PayloadSeq));
        Assert.Contains("\"text\":\"réseau\"", Encoding.UTF8.GetString(rows[0].Payload), StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Null(r.SentAt));
        Assert.Equal([1004L], await outbox.AppendAsync([OutboxFile.Json()], default));
        await outbox.DisposeAsync();
        var reopened = await _file.OpenAsync();
        var stats = await reopened.GetStatsAsync(default);
        Assert.Equal((1000L, 1005L, 4L), (stats.Watermark, stats.NextSeq, stats.Depth));
        Assert.Equal(1, _file.Scalar("SELECT value FROM meta WHERE key = 'adoptions';"));
        Assert.Equal(1, stats.SeqAdoptions);
    }

    [Fact]
    public async Task Holding_WatermarkBelowNextSeq_Adopted_EveryRowShiftedAboveIt()
    {
        var outbox = await _file.OpenAsync();
        Assert.True((await outbox.GetStatsAsync(default)).HoldsFirstPublish);
        await outbox.AppendAsync(Enumerable.Range(0, 5).Select(_ => OutboxFile.Json()).ToList(), default);

        Assert.Equal(WatermarkOutcome.Adopted, await outbox.AdoptAsync(3, default));

        var rows = await outbox.PeekAsync(0, 10, default);
        Assert.Equal([4L, 5L, 6L, 7L, 8L], rows.Select(r => r.Seq));
        Assert.Equal([4L, 5L, 6L, 7L, 8L], rows.Select(OutboxFile.PayloadSeq));
        var stats = await outbox.GetStatsAsync(default);
        Assert.Equal((3L, 9L, 5L, false), (stats.Watermark, stats.NextSeq, stats.Depth, stats.HoldsFirstPublish));
    }

    [Fact]
    public async Task Released_WatermarkBelowNextSeq_IsAnAcknowledgement_NotAnAdoption()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync(Enumerable.Range(0, 5).Select(_ => OutboxFile.Json()).ToList(), default);
        await outbox.ReleaseFreshHoldAsync(default);
        Assert.False((await outbox.GetStatsAsync(default)).HoldsFirstPublish);

        Assert.Equal(WatermarkOutcome.Advanced, await outbox.AdoptAsync(3, default));

        Assert.Equal([4L, 5L], (await outbox.PeekAsync(0, 10, default)).Select(r => r.Seq));
    }

    [Fact]
    public async Task Released_StillFresh_OverRangeWatermarkAdopted()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Json()], default);
        await outbox.ReleaseFreshHoldAsync(default);
        Assert.Equal(WatermarkOutcome.Adopted, await outbox.AcknowledgeAsync(10, default));
        Assert.Equal([11L], (await outbox.PeekAsync(0, 10, default)).Select(r => r.Seq));
    }

    [Fact]
    public async Task Fresh_GapsNoticeKept_ItsEvictedSeqsMoveWithTheRows()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Json(), OutboxFile.Json(), OutboxFile.Json()], default);
        await outbox.AppendAsync([_file.Notice(new EvictedRange
        {
            From = 1, To = 3, Count = 2, Ranges = [new SeqSpan(1, 1), new SeqSpan(3, 3)], Reason = EvictedRange.ReasonBytes,
        })], default);

        Assert.Equal(WatermarkOutcome.Adopted, await outbox.AcknowledgeAsync(500, default));

        var notice = Assert.Single(await OutboxFile.NoticesAsync(outbox));
        Assert.Equal((504L, 501L, 503L), (notice.Seq, notice.Evicted.From, notice.Evicted.To));
        Assert.Equal([new SeqSpan(501, 501), new SeqSpan(503, 503)], notice.Evicted.Ranges!);
    }

    [Fact]
    public async Task Adoption_OnlyOnce_ALaterOverRangeWatermarkIsForeign()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Json()], default);
        Assert.Equal(WatermarkOutcome.Adopted, await outbox.AcknowledgeAsync(100, default));
        Assert.Equal(WatermarkOutcome.BeyondAssigned, await outbox.AcknowledgeAsync(5000, default));
        Assert.Equal([101L], (await outbox.PeekAsync(0, 10, default)).Select(r => r.Seq));
        Assert.Equal(1, _file.Scalar("SELECT value FROM meta WHERE key = 'adoptions';"));
    }

    [Fact]
    public async Task FirstAcceptedWatermark_EndsFreshness()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Json(), OutboxFile.Json()], default);
        Assert.Equal(WatermarkOutcome.Advanced, await outbox.AcknowledgeAsync(1, default));
        Assert.Equal(WatermarkOutcome.BeyondAssigned, await outbox.AcknowledgeAsync(1000, default));
        Assert.Equal([2L], (await outbox.PeekAsync(0, 10, default)).Select(r => r.Seq));
    }

    [Fact]
    public async Task FileFromBeforeFreshness_IsNotFresh()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Json()], default);
        await outbox.DisposeAsync();
        // A file an older build wrote has no 'fresh' key; it must not be taken for a new install.
        _file.Execute("DELETE FROM meta WHERE key IN ('fresh', 'adoptions');");
        var reopened = await _file.OpenAsync();
        Assert.Equal(WatermarkOutcome.BeyondAssigned, await reopened.AcknowledgeAsync(1000, default));
        Assert.Equal([1L], (await reopened.PeekAsync(0, 10, default)).Select(r => r.Seq));
    }

    [Fact]
    public async Task Fresh_RestartBeforeAnyWatermark_StaysFresh()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Json()], default);
        await outbox.DisposeAsync();
        var reopened = await _file.OpenAsync();
        Assert.Equal(WatermarkOutcome.Adopted, await reopened.AcknowledgeAsync(40, default));
    }

    [Fact]
    public async Task Adoption_FailsOnARow_NothingChanged_OneTransaction()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Json(), OutboxFile.Msg(), OutboxFile.Json()], default);

        await Assert.ThrowsAsync<InvalidDataException>(() => outbox.AcknowledgeAsync(1000, default));

        var rows = await outbox.PeekAsync(0, 10, default);
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Seq));
        Assert.Equal(1L, OutboxFile.PayloadSeq(rows[0]));
        var stats = await outbox.GetStatsAsync(default);
        Assert.Equal((0L, 4L), (stats.Watermark, stats.NextSeq));
        Assert.Equal(1, _file.Scalar("SELECT value FROM meta WHERE key = 'fresh';"));
    }
}
