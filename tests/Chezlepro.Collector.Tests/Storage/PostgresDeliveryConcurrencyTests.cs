using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Npgsql;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>Several collectors on one PostgreSQL: the watermark comes from the shared store, whoever stored what.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresDeliveryConcurrencyTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private static IngestItem Msg(long seq) => IngestItems.Of(new TelemetryBatch
    {
        Site = "lanaudiere", Node = "pve1", Seq = seq, Ts = T0.AddSeconds(seq), Source = "victron", Samples = [new Sample("battery.soc", seq, "%")],
    });

    [Fact]
    public async Task TwoCollectors_InterleavedBatchesInParallel_WatermarkReachesTheEnd()
    {
        var database = "delivery_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(postgres.Server.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database};", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = database }.ToString();
        await using var a = new PostgresCollectorStore(cs);
        await using var b = new PostgresCollectorStore(cs);
        await a.InitializeAsync(default);
        await b.InitializeAsync(default);
        // 150 seqs shuffled into batches of 3 (some repeated: a redelivery to the other collector), half to each collector.
        var random = new Random(15);
        var seqs = Enumerable.Range(1, 150).Select(i => (long)i).Concat(Enumerable.Range(1, 15).Select(_ => (long)random.Next(1, 151)))
            .OrderBy(_ => random.Next()).ToList();
        var batches = seqs.Chunk(3).ToList();
        async Task Run(ICollectorStore store, int parity)
        {
            for (var i = parity; i < batches.Count; i += 2)
            {
                // A seq both collectors insert at once can deadlock against the nodes row (PostgreSQL picks a victim):
                // the victim's batch is not acknowledged and comes again, as the broker would redeliver it.
                while (true)
                {
                    try
                    {
                        await store.StoreBatchAsync(batches[i].Select(Msg).ToList(), T0, default);
                        break;
                    }
                    catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected)
                    {
                    }
                }
            }
        }
        await Task.WhenAll(Task.Run(() => Run(a, 0)), Task.Run(() => Run(b, 1)));

        var delivery = await ((IDeliveryStore)b).GetDeliveryAsync("lanaudiere", "pve1", 10, default);
        Assert.Equal((150L, 150L), (delivery!.Watermark, delivery.LastReceivedSeq));
        Assert.Empty(delivery.Missing);
        Assert.Equal(150L, Assert.Single(await ((IDeliveryStore)a).GetWatermarksAsync(default)).Through);
    }
}
