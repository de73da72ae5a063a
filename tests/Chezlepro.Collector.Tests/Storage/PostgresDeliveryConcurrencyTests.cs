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

    private static IngestItem Check(string node, long seq) => IngestItems.Of(new HealthResult
    {
        Site = "lanaudiere", Node = node, Seq = seq, Ts = T0.AddSeconds(30 * seq), Check = "ceph", Status = HealthStatus.Ok, Summary = "ok",
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
        // Each batch names two nodes, in opposite orders for the two collectors, with a health check each: the rows and
        // check locks are taken in sorted order whatever the batch's order, so no batch deadlocks (none is retried here).
        async Task Run(ICollectorStore store, int parity)
        {
            for (var i = parity; i < batches.Count; i += 2)
            {
                var items = batches[i].Select(Msg).Concat(batches[i].Select(s => Check("pve2", s))).ToList();
                if (parity == 1) items.Reverse();
                await store.StoreBatchAsync(items, T0, default);
            }
        }
        await Task.WhenAll(Task.Run(() => Run(a, 0)), Task.Run(() => Run(b, 1)));

        var delivery = await ((IDeliveryStore)b).GetDeliveryAsync("lanaudiere", "pve1", 10, default);
        Assert.Equal((150L, 150L), (delivery!.Watermark, delivery.LastReceivedSeq));
        Assert.Empty(delivery.Missing);
        Assert.Equal([150L, 150L], (await ((IDeliveryStore)a).GetWatermarksAsync(default)).Select(w => w.Through));
        Assert.Equal(150, (await a.GetSeqsAsync("lanaudiere", "pve2", default)).Count);
        var ceph = Assert.Single(await b.GetCheckIntervalsAsync(T0, T0.AddDays(1), default));
        Assert.Equal((T0.AddSeconds(30), T0.AddSeconds(30 * 150)), (ceph.From, ceph.LastSeen));
    }
}
