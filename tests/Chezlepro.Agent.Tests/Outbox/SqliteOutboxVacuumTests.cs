using Chezlepro.Agent.Outbox;
using Xunit;

namespace Chezlepro.Agent.Tests.Outbox;

/// <summary>After a large drain the prune pass gives the space back (auto_vacuum=INCREMENTAL, README.md).</summary>
public sealed class SqliteOutboxVacuumTests : IAsyncLifetime
{
    private readonly OutboxFile _file = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task Prune_AfterLargeDrain_FileReturnsTowardItsFloor()
    {
        var outbox = await _file.OpenAsync();
        for (var i = 0; i < 8; i++)
            await outbox.AppendAsync(Enumerable.Range(0, 10).Select(_ => OutboxFile.Big(OutboxKind.Telemetry, 100 * 1024)).ToList(), default);
        _file.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        var full = new FileInfo(_file.Path).Length;
        Assert.True(full > 8_000_000, $"{full} bytes with 8 MB of rows");

        Assert.Equal(WatermarkOutcome.Advanced, await outbox.AcknowledgeAsync(80, default));
        await _file.PruneAsync(outbox);

        var drained = new FileInfo(_file.Path).Length;
        var wal = new FileInfo(_file.Path + "-wal");
        Assert.True(drained < 256 * 1024, $"{drained} bytes after the drain (was {full})");
        Assert.True(!wal.Exists || wal.Length < 256 * 1024, $"WAL {wal.Length} bytes");
    }

    [Fact]
    public async Task Prune_FewFreePages_LeftForReuse()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync(Enumerable.Range(0, 40).Select(_ => OutboxFile.Big(OutboxKind.Telemetry, 100 * 1024)).ToList(), default);
        await outbox.AppendAsync([OutboxFile.Big(OutboxKind.Telemetry, 200 * 1024)], default);
        await outbox.AcknowledgeAsync(40, default);
        await outbox.AppendAsync(Enumerable.Range(0, 40).Select(_ => OutboxFile.Big(OutboxKind.Telemetry, 100 * 1024)).ToList(), default);
        await outbox.AcknowledgeAsync(41, default);

        await _file.PruneAsync(outbox);

        // 200 KB free of 4 MB: below both thresholds, so the pages stay for the next appends.
        Assert.InRange(_file.Scalar("PRAGMA freelist_count;"), 1, 255);
    }
}
