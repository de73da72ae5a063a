using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Npgsql;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>PostgreSQL's monthly partitions: the upgrade that moves existing rows, months made on demand, retention by dropping.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresPartitionTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly DateTimeOffset Nov = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private static IngestItem Result(long seq, DateTimeOffset ts, HealthStatus status = HealthStatus.Ok) => IngestItems.Of(new HealthResult
    {
        Site = "lanaudiere", Node = "pve1", Seq = seq, Ts = ts, Check = "ceph", Status = status, Summary = "s",
    });

    [Fact]
    public async Task Upgrade_FromUnpartitionedSchema_RowsMovedIntoTheirMonths()
    {
        var cs = await DatabaseAsync();
        await using (var c = new NpgsqlConnection(cs))
        {
            await c.OpenAsync();
            await Exec(c, "CREATE TABLE schema_version (version INT NOT NULL);");
            for (var v = 0; v < 5; v++) await Exec(c, PostgresMigrations.Steps[v] + $"INSERT INTO schema_version VALUES ({v + 1});");
            await Exec(c, "DELETE FROM store_meta;");
            await Exec(c, $"""
                INSERT INTO messages(site, node, seq, kind, name, ts, received_at, payload) VALUES
                    ('lanaudiere', 'pve1', 1, 0, 'victron', {Nov.AddMonths(-2).ToUnixTimeMilliseconds()}, 0, '{"{}"}'),
                    ('lanaudiere', 'pve1', 2, 0, 'victron', {Nov.ToUnixTimeMilliseconds()}, 0, '{"{}"}');
                INSERT INTO check_states(site, node, check_name, status, from_ts, last_seen, to_ts) VALUES
                    ('lanaudiere', 'pve1', 'ceph', 0, {Nov.AddMonths(-3).ToUnixTimeMilliseconds()}, {Nov.ToUnixTimeMilliseconds()}, NULL);
                """);
        }
        await using var store = new PostgresCollectorStore(cs);
        await store.InitializeAsync(default);

        Assert.Equal([1L, 2L], await store.GetSeqsAsync("lanaudiere", "pve1", default));
        Assert.Single(await store.GetCheckIntervalsAsync(Nov.AddMonths(-4), Nov, default));
        Assert.Equal(["check_states_p202608", "check_states_p202609", "check_states_p202611", "messages_p202608", "messages_p202609", "messages_p202611"],
            await PartitionsAsync(cs));
        Assert.Equal(StoreOutcome.Inserted, await store.StoreOneAsync(Result(3, Nov.AddMinutes(1)), Nov));
    }

    [Fact]
    public async Task Months_MadeAhead_OnDemandForABackFill_DroppedByRetention_MadeAgainForALateRow()
    {
        var cs = await DatabaseAsync();
        await using var a = new PostgresCollectorStore(cs);
        await using var b = new PostgresCollectorStore(cs);
        await a.InitializeAsync(default);
        await b.InitializeAsync(default);
        await a.StoreOneAsync(Result(10, Nov), Nov);
        Assert.Equal(["messages_p202611", "messages_p202612"], (await PartitionsAsync(cs)).Where(p => p.StartsWith("messages", StringComparison.Ordinal)));

        await a.StoreOneAsync(Result(1, Nov.AddMonths(-3), HealthStatus.Critical), Nov);
        await b.StoreOneAsync(Result(2, Nov.AddMonths(-3).AddMinutes(1), HealthStatus.Critical), Nov);
        Assert.Contains("messages_p202608", await PartitionsAsync(cs));

        // Retention one month before Nov 21st: August (two rows) and September (empty, made ahead) go whole.
        Assert.Equal(2, await b.PruneTelemetryAsync(Nov.AddMonths(-1), default));
        Assert.DoesNotContain("messages_p202608", await PartitionsAsync(cs));
        Assert.Contains("check_states_p202608", await PartitionsAsync(cs));
        // Store a made sure of August before b dropped it: the missing partition is made again, the row stored.
        Assert.Equal(StoreOutcome.Inserted, await a.StoreOneAsync(Result(3, Nov.AddMonths(-3).AddMinutes(2), HealthStatus.Critical), Nov));
        Assert.Equal([3L, 10L], (await b.GetSeqsAsync("lanaudiere", "pve1", default)).Order());
    }

    [Fact]
    public async Task Prune_InsideAMonth_RemovesTheRowsCapturedBefore_AndEveryMonthKeepsABrinIndexOnCaptureTime()
    {
        var cs = await DatabaseAsync();
        await using var store = new PostgresCollectorStore(cs);
        await store.InitializeAsync(default);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 30; i++) await store.StoreOneAsync(Result(i + 1, start.AddDays(i)), Nov);

        Assert.Equal(14, await store.PruneTelemetryAsync(start.AddDays(14), default));

        Assert.Equal(Enumerable.Range(15, 16).Select(i => (long)i), (await store.GetSeqsAsync("lanaudiere", "pve1", default)).Order());
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT t.relname, am.amname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_am am ON am.oid = i.relam JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
            WHERE t.relname LIKE 'messages%' AND x.indnatts = 1 AND a.attname = 'ts' ORDER BY 1;
            """, c);
        var indexes = new List<(string Table, string Method)>();
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync()) indexes.Add((r.GetString(0), r.GetString(1)));
        }
        Assert.Equal([("messages", "brin"), ("messages_p202611", "brin"), ("messages_p202612", "brin")], indexes);
    }

    private async Task<string> DatabaseAsync()
    {
        var database = "partition_" + Guid.NewGuid().ToString("N")[..12];
        await using var c = new NpgsqlConnection(postgres.Server.ConnectionString);
        await c.OpenAsync();
        await Exec(c, $"CREATE DATABASE {database};");
        return new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = database }.ToString();
    }

    private static async Task<List<string>> PartitionsAsync(string cs)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT relname FROM pg_inherits JOIN pg_class ON oid = inhrelid WHERE relkind = 'r' ORDER BY 1;", c);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<string>();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    private static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
