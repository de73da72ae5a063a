using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>
/// The ingest transaction's BEGIN and COMMIT travel inside the batch's round trips (no NpgsqlTransaction): a batch that
/// fails after its first round trip must leave nothing behind, and the pooled connection it used must serve the next
/// batch in a transaction of its own.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PostgresIngestTransactionTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly DateTimeOffset Nov = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private static IngestItem Result(long seq, DateTimeOffset ts) => IngestItems.Of(new HealthResult
    {
        Site = "lanaudiere", Node = "pve1", Seq = seq, Ts = ts, Check = "ceph", Status = HealthStatus.Ok, Summary = "s",
    });

    [Fact]
    public async Task Batch_FailingInItsSecondRoundTrip_StoresNothing_AndTheSameConnectionStoresTheNext()
    {
        var admin = await DatabaseAsync();
        // Two pooled connections (start-up holds two at once): the two batches after the failure run on both, so one of
        // them takes the connection the failed batch left, whichever order the pool hands them out in.
        var pooled = new NpgsqlConnectionStringBuilder(admin) { Pooling = true, MaxPoolSize = 2 }.ToString();
        await using var store = new PostgresCollectorStore(pooled);
        await store.InitializeAsync(default);
        // latest_health is written in the second round trip, after the first one inserted the message.
        await Exec(admin, """
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON latest_health FOR EACH ROW EXECUTE FUNCTION refuse();
            """);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => store.StoreOneAsync(Result(1, Nov), Nov));
        Assert.Equal(PostgresErrorCodes.RaiseException, refused.SqlState);
        await Exec(admin, "DROP TRIGGER refuse ON latest_health;");

        Assert.Empty(await store.GetSeqsAsync("lanaudiere", "pve1", default));
        Assert.Equal(StoreOutcome.Inserted, await store.StoreOneAsync(Result(2, Nov.AddMinutes(1)), Nov));
        Assert.Equal(StoreOutcome.Inserted, await store.StoreOneAsync(Result(1, Nov), Nov));
        Assert.Equal([1L, 2L], (await store.GetSeqsAsync("lanaudiere", "pve1", default)).Order());
        var delivery = await store.GetDeliveryAsync("lanaudiere", "pve1", 0, default);
        Assert.Equal(2, delivery!.Watermark);
    }

    [Fact]
    public async Task StoredKeyTheDeliveryStateDoesNotKnow_BatchStoredWithTheGuard_TheRowCountsAsDuplicate_Warned()
    {
        var admin = await DatabaseAsync();
        var pooled = new NpgsqlConnectionStringBuilder(admin) { Pooling = true }.ToString();
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var store = new PostgresCollectorStore(pooled, factory.CreateLogger<PostgresCollectorStore>());
        await store.InitializeAsync(default);
        Assert.Equal(StoreOutcome.Inserted, await store.StoreOneAsync(Result(1, Nov), Nov));
        // A row written behind the store's back (a restore, a hand-made fix): above the watermark and not pending.
        await Exec(admin, $"""
            INSERT INTO messages(site, node, seq, kind, name, ts, received_at, payload)
            VALUES ('lanaudiere', 'pve1', 3, 2, 'ceph', {Nov.AddMinutes(2).ToUnixTimeMilliseconds()}, 0, '{"seq":3}');
            """);

        var outcomes = await store.StoreBatchAsync([Result(2, Nov.AddMinutes(1)), Result(3, Nov.AddMinutes(2)), Result(4, Nov.AddMinutes(3))], Nov, default);

        Assert.Equal([StoreOutcome.Inserted, StoreOutcome.Duplicate, StoreOutcome.Inserted], outcomes);
        Assert.Equal([1L, 2L, 3L, 4L], (await store.GetSeqsAsync("lanaudiere", "pve1", default)).Order());
        Assert.Equal(4, (await store.GetDeliveryAsync("lanaudiere", "pve1", 0, default))!.Watermark);
        Assert.Contains(logs.All, e => e is { EventId: 8420, Level: LogLevel.Warning });
    }

    private async Task<string> DatabaseAsync()
    {
        var database = "ingest_tx_" + Guid.NewGuid().ToString("N")[..12];
        await Exec(postgres.Server.ConnectionString, $"CREATE DATABASE {database};");
        return new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = database }.ToString();
    }

    private static async Task Exec(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
