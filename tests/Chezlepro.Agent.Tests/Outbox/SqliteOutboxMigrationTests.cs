using Chezlepro.Agent.Outbox;
using Xunit;

namespace Chezlepro.Agent.Tests.Outbox;

/// <summary>A file written by the v1 agent (its schema text, verbatim) opens, migrates and keeps its rows.</summary>
public sealed class SqliteOutboxMigrationTests : IAsyncLifetime
{
    // Outbox/Schema.sql as released with schema version 1.
    private const string SchemaV1 = """
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO meta(key, value) VALUES ('next_seq', 1), ('session', 0), ('evicted', 0);
        CREATE TABLE IF NOT EXISTS outbox (
            seq        INTEGER PRIMARY KEY,
            kind       INTEGER NOT NULL,
            topic      TEXT    NOT NULL,
            payload    BLOB    NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS outbox_kind_seq ON outbox(kind, seq);
        """;

    private readonly OutboxFile _file = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task Initialize_V1File_MigratedToV2_RowsWaitingAndSeqContinues()
    {
        _file.Execute("PRAGMA journal_mode=WAL;" + SchemaV1 + """
            INSERT INTO outbox VALUES (7, 1, 'chezlepro/v1/s/n/telemetry/host', x'7B7D', 1000), (8, 2, 'chezlepro/v1/s/n/health/ceph', x'7B7D', 2000);
            UPDATE meta SET value = 9 WHERE key = 'next_seq';
            UPDATE meta SET value = 4 WHERE key = 'evicted';
            PRAGMA user_version=1;
            """);
        Assert.Equal(0, _file.Scalar("PRAGMA auto_vacuum;"));

        var outbox = await _file.OpenAsync();

        var stats = await outbox.GetStatsAsync(default);
        Assert.Equal((2L, 2L, 9L, 4L, 0L), (stats.Depth, stats.Unacknowledged, stats.NextSeq, stats.Evicted, stats.Watermark));
        var rows = await outbox.PeekAsync(0, 10, default);
        Assert.Equal([7L, 8L], rows.Select(r => r.Seq));
        Assert.All(rows, r => Assert.Null(r.SentAt));
        Assert.Equal([9L], await outbox.AppendAsync([OutboxFile.Msg()], default));
        await outbox.MarkSentAsync([7L], default);
        Assert.NotNull((await outbox.PeekAsync(0, 1, default))[0].SentAt);
        await outbox.DisposeAsync();
        Assert.Equal(SqliteOutbox.SchemaVersion, _file.Scalar("PRAGMA user_version;"));
        Assert.Equal(2, _file.Scalar("PRAGMA auto_vacuum;"));   // incremental, after the one-time VACUUM
    }

    [Fact]
    public async Task Initialize_V2ReopenedAfterOneVersionOlderAgentTouchedIt_NothingLost()
    {
        var outbox = await _file.OpenAsync();
        await outbox.AppendAsync([OutboxFile.Msg(), OutboxFile.Msg()], default);
        await outbox.MarkSentAsync([1L], default);
        Assert.Equal(WatermarkOutcome.Advanced, await outbox.AcknowledgeAsync(1, default));
        await outbox.DisposeAsync();
        // What a v1 agent does to a v2 file: it keeps the columns it does not know and leaves user_version alone.
        _file.Execute("INSERT INTO outbox(seq, kind, topic, payload, created_at) VALUES (3, 1, 't', x'00', 5); UPDATE meta SET value = 4 WHERE key = 'next_seq';");

        var reopened = await _file.OpenAsync();
        var stats = await reopened.GetStatsAsync(default);
        Assert.Equal((2L, 1L), (stats.Unacknowledged, stats.Watermark));
    }

    [Fact]
    public async Task Initialize_LargeV1File_VacuumDeferredUntilDrained_ThenDoneByPrune()
    {
        // 65 MiB live: more than the start-up VACUUM is allowed to copy (Outbox/README.md).
        _file.Execute("PRAGMA journal_mode=WAL;" + SchemaV1 + """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 65)
            INSERT INTO outbox SELECT i, 1, 't', randomblob(1048576), 1000 FROM n;
            UPDATE meta SET value = 66 WHERE key = 'next_seq';
            PRAGMA user_version=1;
            """);

        var outbox = await _file.OpenAsync();
        Assert.Equal(0, _file.Scalar("PRAGMA auto_vacuum;"));
        Assert.Equal(WatermarkOutcome.Advanced, await outbox.AcknowledgeAsync(65, default));
        await _file.PruneAsync(outbox);

        Assert.Equal(2, _file.Scalar("PRAGMA auto_vacuum;"));
        Assert.True(new FileInfo(_file.Path).Length < 1 << 20, $"{new FileInfo(_file.Path).Length} bytes after the drain");
    }
}
