using System.Globalization;
using Chezlepro.Collector.Hosting;
using Chezlepro.Collector.Noc;
using Chezlepro.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Collector.Tests.Noc;

/// <summary>
/// The sinks as <c>AddNoc</c> registers them in the whole collector, broker and Alertmanager both away: each
/// failure is counted under its sink on <c>/metrics</c>, and offering alerts does not wait for Alertmanager.
/// </summary>
public sealed class NocSinkMetricsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("noc-sinks-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task BrokerAndAlertmanagerAway_FailuresCountedPerSinkOnMetrics()
    {
        var port = FreePort.Next();
        await using var app = CollectorApp.Build(
        [
            $"--Collector:DataDirectory={_dir}", $"--Collector:Urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            $"--Mqtt:Port={FreePort.Next().ToString(CultureInfo.InvariantCulture)}", "--Logging:File:Enabled=false",
            $"--Noc:Alertmanager:Url=http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
        ]);
        await app.StartAsync();
        var counters = app.Services.GetRequiredService<NocSinkCounters>();

        await app.Services.GetRequiredService<NocPublisher>().OfferAsync(NocAlertTexts.NodeOffline("lanaudiere", "pve1", true, default), default);

        // The MQTT sink failed on the spot (not connected); Alertmanager's try ends after its retries, on its own loop.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (counters.Snapshot().Single(c => c.Sink == "alertmanager").Failures == 0) await Task.Delay(50, cts.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}") };
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("# TYPE chezlepro_noc_sink_failures_total counter\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE chezlepro_noc_sink_sent_total counter\n", metrics, StringComparison.Ordinal);
        // Every round retries what is kept, so each sink has failed at least once by now.
        Assert.Matches("chezlepro_noc_sink_failures_total\\{sink=\"mqtt\"\\} [1-9][0-9]*\n", metrics);
        Assert.Matches("chezlepro_noc_sink_failures_total\\{sink=\"alertmanager\"\\} [1-9][0-9]*\n", metrics);
        Assert.Contains("chezlepro_noc_sink_sent_total{sink=\"alertmanager\"} 0\n", metrics, StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Fact]
    public async Task AlertmanagerNotConfigured_OnlyTheMqttSinkOnMetrics()
    {
        await using var app = CollectorApp.Build(
        [
            $"--Collector:DataDirectory={_dir}", "--Collector:Urls=http://127.0.0.1:0", "--Logging:File:Enabled=false",
            $"--Mqtt:Port={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
        ]);

        // The publisher (built with the NOC watchers at start) creates the sinks; the idle one does not show.
        _ = app.Services.GetRequiredService<NocPublisher>();

        Assert.Equal(["mqtt"], app.Services.GetRequiredService<NocSinkCounters>().Snapshot().Select(c => c.Sink));
    }
}
