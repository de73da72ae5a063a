using System.Text;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Agent.Tests.Outbox;

/// <summary>The outbox on a real SQLite file.</summary>
public sealed class SqliteOutboxTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("outbox-").FullName;
    private readonly FakeTimeProvider _time = new();
    private readonly List<SqliteOutbox> _opened = [];

    private string DbPath => Path.Combine(_dir, "outbox.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var o in _opened) await o.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Append_OneCycle_ConsecutiveSeqsRenderedIntoPayloads()
    {
        var outbox = await OpenAsync();
        var seqs = await outbox.AppendAsync([Msg(OutboxKind.Telemetry), Msg(OutboxKind.Health), Msg(OutboxKind.Alert)], default);
        Assert.Equal([1L, 2L, 3L], seqs);
        var rows = await outbox.PeekAsync(0, 10, default);
        Assert.Equal(["seq=1", "seq=2", "seq=3"], rows.Select(r => Encoding.UTF8.GetString(r.Payload)));
        Assert.Equal([OutboxKind.Telemetry, OutboxKind.Health, OutboxKind.Alert], rows.Select(r => r.Kind));
    }

    [Fact]
    public async Task Seq_AfterDeleteAndReopen_NeverReused()
    {
        var first = await OpenAsync();
        await first.AppendAsync([Msg(), Msg()], default);
        Assert.Equal(WatermarkOutcome.Advanced, await first.AcknowledgeAsync(2, default));
        await first.DisposeAsync();
        var second = await OpenAsync();
        Assert.Equal([3L], await second.AppendAsync([Msg()], default));
        Assert.Equal(4, (await second.GetStatsAsync(default)).NextSeq);
    }

    [Fact]
    public async Task Append_RenderThrows_NothingWrittenAndSeqNotConsumed()
    {
        var outbox = await OpenAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.AppendAsync(
            [Msg(), new PendingMessage(OutboxKind.Health, "t", _ => throw new InvalidOperationException("boom"))], default));
        var stats = await outbox.GetStatsAsync(default);
        Assert.Equal((0L, 1L), (stats.Depth, stats.NextSeq));
        Assert.Equal([1L], await outbox.AppendAsync([Msg()], default));
    }

    [Fact]
    public async Task Session_IncrementsAndSurvivesReopen()
    {
        var first = await OpenAsync();
        Assert.Equal(1, await first.NextSessionAsync(default));
        Assert.Equal(2, await first.NextSessionAsync(default));
        await first.DisposeAsync();
        Assert.Equal(3, await (await OpenAsync()).NextSessionAsync(default));
    }

    [Fact]
    public async Task Peek_AfterSeq_InSeqOrderAndBounded()
    {
        var outbox = await OpenAsync();
        await outbox.AppendAsync(Enumerable.Range(0, 10).Select(_ => Msg()).ToList(), default);
        var rows = await outbox.PeekAsync(4, 3, default);
        Assert.Equal([5L, 6L, 7L], rows.Select(r => r.Seq));
    }

    [Fact]
    public async Task Prune_OverSize_EvictsOldestTelemetryOnly_NeverHealthOrAlerts()
    {
        var outbox = await OpenAsync(new OutboxOptions { MaxBytes = 1 << 20 });
        var big = new byte[300 * 1024];
        await outbox.AppendAsync([Big(OutboxKind.Health, big), Big(OutboxKind.Telemetry, big), Big(OutboxKind.Alert, big),
            Big(OutboxKind.Telemetry, big), Big(OutboxKind.Telemetry, big)], default);
        var evicted = await outbox.PruneAsync(_time.GetUtcNow(), Notice, default);
        var left = await outbox.PeekAsync(0, 10, default);
        Assert.True(evicted >= 2);
        Assert.Contains(left, r => r.Kind == OutboxKind.Health);
        Assert.Contains(left, r => r.Kind == OutboxKind.Alert);
        Assert.DoesNotContain(left, r => r.Seq == 2);
        Assert.True((await outbox.GetStatsAsync(default)).Bytes <= 1 << 20);
        Assert.Equal(evicted, (await outbox.GetStatsAsync(default)).Evicted);
    }

    [Fact]
    public async Task Prune_TooOld_EvictsEveryKindPastTheAge()
    {
        var outbox = await OpenAsync(new OutboxOptions { MaxAge = TimeSpan.FromDays(1) });
        await outbox.AppendAsync([Msg(OutboxKind.Telemetry), Msg(OutboxKind.Health)], default);
        _time.Advance(TimeSpan.FromDays(2));
        await outbox.AppendAsync([Msg(OutboxKind.Telemetry)], default);
        Assert.Equal(2, await outbox.PruneAsync(_time.GetUtcNow(), Notice, default));
        var left = await outbox.PeekAsync(0, 10, default);
        Assert.Equal([3L, 4L], left.Select(r => r.Seq));
        Assert.Equal(OutboxKind.Gaps, left[1].Kind);
    }

    [Fact]
    public async Task Initialize_SchemaTwoVersionsNewer_RefusesWithClearMessage()
    {
        await (await OpenAsync()).DisposeAsync();
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA user_version={SqliteOutbox.SchemaVersion + 2};";
            cmd.ExecuteNonQuery();
        }
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync());
        Assert.Contains("schema version", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initialize_OneVersionNewer_Accepted_DataKept()
    {
        var first = await OpenAsync();
        await first.AppendAsync([Msg()], default);
        await first.DisposeAsync();
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA user_version={SqliteOutbox.SchemaVersion + 1};";
            cmd.ExecuteNonQuery();
        }
        var downgraded = await OpenAsync();
        Assert.Equal(1, (await downgraded.GetStatsAsync(default)).Depth);
    }

    private async Task<SqliteOutbox> OpenAsync(OutboxOptions? options = null)
    {
        var outbox = new SqliteOutbox(DbPath, options ?? new OutboxOptions(), _time, NullLogger<SqliteOutbox>.Instance);
        _opened.Add(outbox);
        await outbox.InitializeAsync(default);
        return outbox;
    }

    private static PendingMessage Notice(EvictedRange evicted) =>
        new(OutboxKind.Gaps, "chezlepro/v1/s/n/gaps", _ => Encoding.UTF8.GetBytes($"{evicted.From}-{evicted.To}"));

    private static PendingMessage Msg(OutboxKind kind = OutboxKind.Telemetry) =>
        new(kind, "chezlepro/v1/s/n/telemetry/host", seq => Encoding.UTF8.GetBytes($"seq={seq}"));

    private static PendingMessage Big(OutboxKind kind, byte[] payload) => new(kind, "t", _ => payload);
}
