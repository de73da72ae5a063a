using System.Globalization;
using System.Text;
using Chezlepro.Collector.Ingest;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Sqlite;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chezlepro.Collector.Tests.Ingest;

/// <summary>
/// The hourly prune in the real collector (WebApplicationFactory, fake clock, SQLite store whose first prune throws):
/// the fault costs one round, is logged and counted, ingest goes on, and the next hour's prune does the work.
/// </summary>
public sealed class TelemetryPruneServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("prune-").FullName;
    private readonly FakeTimeProvider _time = new(T0);
    private readonly CapturedLogs _logs = new();
    private FaultyPruneStore _store = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _store = new FaultyPruneStore(new SqliteCollectorStore(Path.Combine(_dir, "collector.db")), failures: 1);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Collector:DataDirectory", _dir);
            // No broker there: ingest is driven through the processor, as the MQTT batch handler drives it.
            b.UseSetting("Mqtt:Port", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            b.UseSetting("Logging:File:Enabled", "false");
            b.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(_time);
                s.AddSingleton<ICollectorStore>(_store);
                s.AddSingleton<ILoggerProvider>(_logs);
            });
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        // Registered as an instance, so the container leaves its disposal to us.
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Prune_StoreFault_CountedAndLogged_IngestGoesOn_NextHourPrunes()
    {
        // Arrange: starting the collector runs the first prune at once, and the store fails it.
        using var http = _factory.CreateClient();
        Assert.Null(await _store.Prunes.Reader.ReadAsync().AsTask().WaitAsync(Timeout));

        // Assert: logged with the loop's name (counted before the line is written), and counted in /metrics.
        var failed = await _logs.WaitForAsync(PruneFailed, Timeout);
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Equal("simulated store fault: the database did not answer", failed.Properties["Error"]);
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("# TYPE chezlepro_collector_loop_failures_total counter\n", metrics, StringComparison.Ordinal);
        Assert.Contains("chezlepro_collector_loop_failures_total{loop=\"prune\"} 1\n", metrics, StringComparison.Ordinal);
        // Every loop shares the counter and shows up before its first failure.
        foreach (var loop in new[] { "failover", "noc-nodes", "noc-service-levels" })
            Assert.Contains($"chezlepro_collector_loop_failures_total{{loop=\"{loop}\"}} 0\n", metrics, StringComparison.Ordinal);

        // Act: ingest after the fault, one message past the retention and one fresh.
        var processor = _factory.Services.GetRequiredService<IngestProcessor>();
        await processor.ProcessBatchAsync([Telemetry(1, T0.AddDays(-100)), Telemetry(2, T0.AddMinutes(-1))], default);

        // Assert: stored, and the collector is still running.
        Assert.Equal([1L, 2L], await _store.GetSeqsAsync("lanaudiere", "pve1", default));
        Assert.False(_factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);

        // Act: an hour later the prune runs again, and the store answers this time.
        _time.Advance(TimeSpan.FromHours(1));

        // Assert: the old message is gone, the fresh one kept, and the failure is not counted twice.
        Assert.Equal(1, await _store.Prunes.Reader.ReadAsync().AsTask().WaitAsync(Timeout));
        Assert.Equal([2L], await _store.GetSeqsAsync("lanaudiere", "pve1", default));
        Assert.Contains("chezlepro_collector_loop_failures_total{loop=\"prune\"} 1\n", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.Single(_logs.All, PruneFailed);
    }

    private static bool PruneFailed(CapturedLogs.LogEntry e) =>
        e.EventId == 8010 && e.Properties.TryGetValue("Loop", out var loop) && Equals(loop, "prune");

    private static (string Topic, ReadOnlyMemory<byte> Payload) Telemetry(long seq, DateTimeOffset ts)
    {
        var at = ts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var json = $$"""{"schema":1,"site":"lanaudiere","node":"pve1","seq":{{seq}},"ts":"{{at}}","source":"host","samples":[{"metric":"host.load1","value":0.5}]}""";
        return ("chezlepro/v1/lanaudiere/pve1/telemetry/host", Encoding.UTF8.GetBytes(json));
    }
}
