using System.Text.Json;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Hosting;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chezlepro.Collector.Tests.Hosting;

public sealed class RebuildIntervalsCommandTests : IDisposable
{
    // A closed month far enough back that the test never depends on today's date (the retention is raised to reach it).
    private static readonly MonthPeriod March = new(2026, 3);
    private readonly string _dir = Directory.CreateTempSubdirectory("rebuild-").FullName;

    private string[] Args =>
    [
        $"--Collector:DataDirectory={_dir}", "--Collector:TelemetryRetention=3650.00:00:00", "--Logging:File:Enabled=false",
        "--Catalog:Services:0:Id=mail", "--Catalog:Services:0:Name=Courriel", "--Catalog:Services:0:Category=critical",
        "--Catalog:Services:0:StalenessLimit=01:00:00",
        "--Catalog:Services:0:Checks:0:Site=ovh", "--Catalog:Services:0:Checks:0:Node=proxy1", "--Catalog:Services:0:Checks:0:Check=probe.mail",
        "--Catalog:Contracts:0:Id=obnl-a", "--Catalog:Contracts:0:Client=OBNL A", "--Catalog:Contracts:0:Services:0=mail",
        "--Catalog:Contracts:0:MonthlyFee=150.00", "--Catalog:Contracts:0:Start=2026-01-01",
    ];

    [Fact]
    public async Task Rebuild_ClosedMonthWouldChange_PrintedAndKeptFrozen()
    {
        var from = March.Start(LocalTime.Toronto);
        var to = March.End(LocalTime.Toronto);
        string frozen;
        await using (var provider = Provider(new FakeTimeProvider(to.AddDays(3))))
        {
            var store = provider.GetRequiredService<ICollectorStore>();
            await store.InitializeAsync(default);
            // ok every 30 minutes all month (the service allows an hour of silence), then the month is closed.
            var items = new List<IngestItem>();
            long seq = 0;
            for (var t = from; t < to; t = t.AddMinutes(30)) items.Add(Item(++seq, t, HealthStatus.Ok));
            await store.StoreBatchAsync(items, to, default);
            Assert.True(await provider.GetRequiredService<ServiceLevelReports>().CloseAsync(March, "test", default));
            frozen = (await store.GetClosedReportAsync("2026-03", default))!;
            // A critical result the old fold dropped (late, older than a confirmation): stored, never folded.
            var late = Item(++seq, from.AddDays(10).AddMinutes(15), HealthStatus.Critical).Message!;
            using var c = new SqliteConnection($"Data Source={Path.Combine(_dir, "collector.db")};Pooling=false");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO messages(site, node, seq, kind, name, ts, received_at, payload) VALUES ('ovh', 'proxy1', $seq, 2, 'probe.mail', $ts, $ts, $p);";
            cmd.Parameters.AddWithValue("$seq", late.Seq);
            cmd.Parameters.AddWithValue("$ts", late.Ts.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$p", late.Payload);
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        using var output = new StringWriter();
        var code = await RebuildIntervalsCommand.RunAsync(Args, output, default);

        var text = output.ToString();
        Assert.Equal(2, code);
        Assert.Contains("rebuilt 1 checks", text, StringComparison.Ordinal);
        Assert.Contains("2026-03 obnl-a: frozen 100.000 % (credit 0 %), from the rebuilt intervals 99.966 %", text, StringComparison.Ordinal);
        await using var after = Provider(new FakeTimeProvider(to.AddDays(3)));
        var reread = after.GetRequiredService<ICollectorStore>();
        await reread.InitializeAsync(default);
        Assert.Equal(frozen, await reread.GetClosedReportAsync("2026-03", default));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Rebuild_BadCatalog_PrintsTheKeyAndFails()
    {
        using var output = new StringWriter();

        var code = await RebuildIntervalsCommand.RunAsync([.. Args, "--Catalog:Services:0:StalenessLimit=00:00:30"], output, default);

        Assert.Equal(1, code);
        Assert.Contains("Catalog:Services:0:StalenessLimit", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "collector.db")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ServiceProvider Provider(TimeProvider time)
    {
        var configuration = new ConfigurationManager();
        configuration.AddCommandLine(Args);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(time);
        services.AddLogging(b => b.ClearProviders());
        services.AddCollector();
        return services.BuildServiceProvider();
    }

    private static IngestItem Item(long seq, DateTimeOffset ts, HealthStatus status)
    {
        var h = new HealthResult { Site = "ovh", Node = "proxy1", Seq = seq, Ts = ts, Check = "probe.mail", Status = status, Summary = status.ToString() };
        var json = JsonSerializer.Serialize(h, ContractJsonContext.Default.HealthResult);
        return new IngestItem(new StoredMessage(h.Site, h.Node, h.Seq, TopicKind.Health, h.Check, h.Ts, json), h);
    }
}
