using System.Diagnostics;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Tests.Storage;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Collector.Tests.Reports;

/// <summary>
/// The differential property of <see cref="ServiceLevelReportsDifferentialTests"/> on a real PostgreSQL: one database,
/// one store, every case under its own site, service and window ids (the report reads every check's intervals, and
/// the catalog names only the case's own).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ServiceLevelReportsPostgresDifferentialTests(PostgresServerFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresServerFixture>
{
    private const int Cases = 40;

    [Fact]
    public async Task Postgres_AnyMonthOfResults_ReportAndIncidentsEqualTheReferenceModel()
    {
        var database = "proof_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(postgres.Server.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database};", c);
            await cmd.ExecuteNonQueryAsync();
        }

        var store = new PostgresCollectorStore(new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = database, Pooling = true }.ToString());
        await store.InitializeAsync(default);
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var runs = 0;
        try
        {
            await Task.Run(() => DifferentialProperty.Check(Cases, _ =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromResult<(ICollectorStore, Func<Task>)>((store, () => Task.CompletedTask));
            }));
        }
        finally
        {
            output.WriteLine($"PostgreSQL: {runs} case runs (shrinking included) in {watch.Elapsed.TotalSeconds:F1} s, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU");
            await store.DisposeAsync();
        }
    }
}
