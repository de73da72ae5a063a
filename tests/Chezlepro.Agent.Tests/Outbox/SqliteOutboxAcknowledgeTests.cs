using Chezlepro.Agent.Outbox;
using Xunit;

namespace Chezlepro.Agent.Tests.Outbox;

/// <summary>Sent is not delivered: only a watermark deletes rows, and it never moves back.</summary>
public sealed class SqliteOutboxAcknowledgeTests : IAsyncLifetime
{
    private readonly OutboxFile _file = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task MarkSent_KeepsRows_MovesThemFromWaitingToUnacknowledged()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Msg(), OutboxFile.Msg(), OutboxFile.Msg()], default);
        _file.Time.Advance(TimeSpan.FromSeconds(5));
        await outbox.MarkSentAsync([1L, 2L], default);
        var stats = await outbox.GetStatsAsync(default);
        Assert.Equal((1L, 3L), (stats.Depth, stats.Unacknowledged));
        var rows = await outbox.PeekAsync(0, 10, default);
        Assert.Equal(_file.Time.GetUtcNow(), rows[0].SentAt);
        Assert.Null(rows[2].SentAt);
        _file.Time.Advance(TimeSpan.FromSeconds(5));
        await outbox.MarkSentAsync([1L], default);
        Assert.Equal(_file.Time.GetUtcNow() - TimeSpan.FromSeconds(5), (await outbox.PeekAsync(0, 1, default))[0].SentAt);
    }

    [Fact]
    public async Task Acknowledge_DeletesThroughOnly_PersistsAndNeverMovesBack()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync(Enumerable.Range(0, 5).Select(_ => OutboxFile.Msg()).ToList(), default);
        Assert.Equal(WatermarkOutcome.Advanced, await outbox.AcknowledgeAsync(3, default));
        Assert.Equal([4L, 5L], (await outbox.PeekAsync(0, 10, default)).Select(r => r.Seq));
        Assert.Equal(WatermarkOutcome.Stale, await outbox.AcknowledgeAsync(2, default));
        Assert.Equal(WatermarkOutcome.Stale, await outbox.AcknowledgeAsync(3, default));
        await outbox.DisposeAsync();
        var reopened = await _file.OpenAsync();
        Assert.Equal(3, (await reopened.GetStatsAsync(default)).Watermark);
    }

    [Fact]
    public async Task Acknowledge_BeyondHighestAssigned_OnANonFreshOutbox_IgnoredNothingDeleted()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Msg(), OutboxFile.Msg()], default);
        _file.EndFreshness();
        Assert.Equal(WatermarkOutcome.BeyondAssigned, await outbox.AcknowledgeAsync(3, default));
        var stats = await outbox.GetStatsAsync(default);
        Assert.Equal((2L, 0L), (stats.Unacknowledged, stats.Watermark));
    }

    [Fact]
    public async Task Latches_RaisedThenCleared_PersistedWithTheirEvents()
    {
        var outbox = await _file.OpenAsync();
        PendingMessage Alert(string id, bool raised) => new(OutboxKind.Alert, "a", _ => [1], new LatchChange("victron", id, raised));
        await outbox.AppendAsync([Alert("grid-lost", true), Alert("battery-soc-low", true)], default);
        await outbox.AppendAsync([Alert("battery-soc-low", false)], default);
        await outbox.DisposeAsync();
        var reopened = await _file.OpenAsync();
        var latched = Assert.Single(await reopened.GetLatchedAlertsAsync(default));
        Assert.Equal(("victron", "grid-lost"), (latched.Source, latched.Id));
    }

    [Fact]
    public async Task Latches_AppendFails_LatchNotWritten()
    {
        var outbox = await _file.OpenAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.AppendAsync(
            [new(OutboxKind.Alert, "a", _ => [1], new LatchChange("victron", "grid-lost", true)),
             new(OutboxKind.Health, "h", _ => throw new InvalidOperationException("boom"))], default));
        Assert.Empty(await outbox.GetLatchedAlertsAsync(default));
    }
}
