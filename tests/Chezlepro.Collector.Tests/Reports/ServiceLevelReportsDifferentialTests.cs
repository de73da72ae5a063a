using System.Diagnostics;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Collector.Tests.Reports;

/// <summary>
/// Differential test of the whole service-level path on a real SQLite file per case: random months of raw health
/// results (repeated and changing statuses, silences around the staleness limit, 1–3 checks, late, resent and shuffled
/// arrival, maintenance windows, contracts starting or ending mid-month, DST months) go through the real ingest, and
/// the SLA report and incidents must equal the <see cref="Availability.ReferenceModel"/> to the second. Seeds and
/// replay: <see cref="DifferentialProperty"/>.
/// </summary>
public sealed class ServiceLevelReportsDifferentialTests(ITestOutputHelper output)
{
    private const int Cases = 200;

    [Fact]
    public void Sqlite_AnyMonthOfResults_ReportAndIncidentsEqualTheReferenceModel()
    {
        var dir = Directory.CreateTempSubdirectory("proof-sqlite-").FullName;
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var runs = 0;
        try
        {
            DifferentialProperty.Check(Cases, async _ =>
            {
                var path = Path.Combine(dir, $"case-{Interlocked.Increment(ref runs)}.db");
                var store = new SqliteCollectorStore(path);
                await store.InitializeAsync(default);
                return (store, async () =>
                {
                    await store.DisposeAsync();
                    foreach (var f in Directory.GetFiles(dir, Path.GetFileName(path) + "*")) File.Delete(f);
                });
            });
        }
        finally
        {
            output.WriteLine($"SQLite: {runs} case runs (shrinking included) in {watch.Elapsed.TotalSeconds:F1} s, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU");
            Directory.Delete(dir, recursive: true);
        }
    }
}
