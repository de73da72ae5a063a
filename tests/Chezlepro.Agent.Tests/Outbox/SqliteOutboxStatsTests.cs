using Chezlepro.Agent.Outbox;
using Xunit;

namespace Chezlepro.Agent.Tests.Outbox;

/// <summary>Stats of a large outbox: the row scan is reused for a while, the meta counters are always current.</summary>
public sealed class SqliteOutboxStatsTests : IAsyncLifetime
{
    private readonly OutboxFile _file = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task SmallOutbox_EveryCallScansAgain()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Msg()], default);
        Assert.Equal(1, (await outbox.GetStatsAsync(default)).Unacknowledged);
        await outbox.AppendAsync([OutboxFile.Msg()], default);
        Assert.Equal(2, (await outbox.GetStatsAsync(default)).Unacknowledged);
    }

    [Fact]
    public async Task LargeOutbox_ScanReusedUntilItIsOld_MetaAlwaysCurrent()
    {
        var outbox = await _file.OpenAsync();
        var rows = (int)SqliteOutbox.LargeScanRows;
        await outbox.AppendAsync(Enumerable.Range(0, rows).Select(_ => OutboxFile.Msg()).ToList(), default);
        Assert.Equal(rows, (await outbox.GetStatsAsync(default)).Unacknowledged);

        await outbox.AppendAsync([OutboxFile.Msg()], default);
        await outbox.AcknowledgeAsync(5, default);
        _file.Time.Advance(SqliteOutbox.StatsScanReuse - TimeSpan.FromMilliseconds(1));
        var reused = await outbox.GetStatsAsync(default);
        Assert.Equal((rows, rows + 2L, 5L), (reused.Unacknowledged, reused.NextSeq, reused.Watermark));

        _file.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(rows - 4, (await outbox.GetStatsAsync(default)).Unacknowledged);
    }
}
