using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Chezlepro.Collector.Tests.Reports.ClientReport;

/// <summary>
/// October 2026 of one contract, worked out by hand, in a real collector (WebApplicationFactory, real SQLite file):
/// the service <c>mail</c> (critical, one probe every 30 min, staleness limit 1 h) and its guest <c>vm-101</c>
/// (critical: RPO 1 h, one backup every hour). The client's and the service's names carry markup: every report of
/// these tests also proves it is escaped.
/// </summary>
/// <remarks>
/// October is EDT (UTC−4) throughout: 2026-10-01T04:00Z to 2026-11-01T04:00Z, 2,678,400 s.
/// <list type="bullet">
/// <item>Maintenance announced on 25 September for 5 October 10:00–11:00Z: 3,600 s excluded.</item>
/// <item>Silence: the result at 15 October 16:00Z is the last until 16 October 04:00Z; stale from 17:00Z: 39,600 s unknown.</item>
/// <item>Outage: critical results 20 October 12:00Z–13:30Z, ok again at 14:00Z: 7,200 s down; one P1 incident detected at
/// 12:01Z (60 s debounce), acknowledged 10 min later, restored at 14:00Z.</item>
/// <item>Up: 2,678,400 − 3,600 − 39,600 − 7,200 = 2,628,000 s; unknown counts as down: 2,628,000 / 2,674,800 =
/// 98.2503364…% → 98.250 %; shortfall 1.2496636 → 1.250 shown → ⌈1.2496636 / 0.5⌉ = 3 tranches → 15 % of 150.00 =
/// 22.50 $.</item>
/// <item>Backups hourly, except none between 25 October 00:00Z and 06:00Z: the RPO is missed from 01:00Z to 06:00Z, 18,000 s.</item>
/// </list>
/// </remarks>
internal sealed class ReportMonth : IAsyncDisposable
{
    /// <summary>A reader key.</summary>
    public const string Reader = "reader-key-0123456789abcdef";

    /// <summary>An operator key.</summary>
    public const string Operator = "operator-key-0123456789abcd";

    /// <summary>The client's name, with markup that must stay text.</summary>
    public const string ClientName = "Coop <script>window.pwned=1</script> & fils";

    /// <summary>The service's name, with markup that must stay text.</summary>
    public const string ServiceName = "Courriel <img src=x onerror=\"window.pwned=2\">";

    /// <summary>The month's report URL (French, HTML).</summary>
    public const string Url = "/api/v1/sla/2026-10/report?contract=obnl-a";

    /// <summary>Outage start.</summary>
    public static readonly DateTimeOffset OutageFrom = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The present of the tests: after October.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset SilenceFrom = new(2026, 10, 15, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SilenceTo = new(2026, 10, 16, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BackupGapFrom = new(2026, 10, 25, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BackupGapTo = new(2026, 10, 25, 6, 0, 0, TimeSpan.Zero);

    private readonly string _dir;

    private ReportMonth(string dir, Dictionary<string, string> settings)
    {
        _dir = dir;
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (k, v) in settings) b.UseSetting(k, v);
            b.ConfigureServices(s => s.AddSingleton<TimeProvider>(Time));
        });
    }

    /// <summary>The running collector.</summary>
    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>The collector's clock.</summary>
    public FakeTimeProvider Time { get; } = new(Now);

    /// <summary>A collector with the month stored; <paramref name="settings"/> adds or overrides configuration keys.</summary>
    public static async Task<ReportMonth> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var dir = Directory.CreateTempSubdirectory("client-report-").FullName;
        var all = new Dictionary<string, string>
        {
            ["Collector:DataDirectory"] = dir, ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Logging:File:Enabled"] = "false",
            ["Api:Keys:0:Key"] = Reader, ["Api:Keys:0:Role"] = "reader", ["Api:Keys:1:Key"] = Operator, ["Api:Keys:1:Role"] = "operator",
            ["Catalog:Services:0:Id"] = "mail", ["Catalog:Services:0:Name"] = ServiceName, ["Catalog:Services:0:Category"] = "critical",
            ["Catalog:Services:0:StalenessLimit"] = "01:00:00",
            ["Catalog:Services:0:Checks:0:Site"] = "ovh", ["Catalog:Services:0:Checks:0:Node"] = "proxy1", ["Catalog:Services:0:Checks:0:Check"] = "probe.mail",
            ["Catalog:Guests:0:Id"] = "vm-101", ["Catalog:Guests:0:Service"] = "mail",
            ["Catalog:Contracts:0:Id"] = "obnl-a", ["Catalog:Contracts:0:Client"] = ClientName, ["Catalog:Contracts:0:Services:0"] = "mail",
            ["Catalog:Contracts:0:MonthlyFee"] = "150.00", ["Catalog:Contracts:0:Currency"] = "CAD", ["Catalog:Contracts:0:Objective"] = "99.5",
            ["Catalog:Contracts:0:UnknownCountsAsDown"] = "true", ["Catalog:Contracts:0:Start"] = "2026-01-01",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) all[k] = v;
        var month = new ReportMonth(dir, all);
        await month.SeedAsync();
        return month;
    }

    /// <summary>A client with a key.</summary>
    public HttpClient Client(string key = Reader)
    {
        var c = Factory.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return c;
    }

    private async Task SeedAsync()
    {
        _ = Factory.Server;
        var store = Factory.Services.GetRequiredService<ICollectorStore>();
        var items = new List<IngestItem>();
        long seq = 1;
        for (var t = new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.Zero); t <= new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero); t += TimeSpan.FromMinutes(30))
        {
            if (t <= SilenceFrom || t >= SilenceTo)
            {
                var status = t >= OutageFrom && t < OutageFrom.AddHours(2) ? HealthStatus.Critical : HealthStatus.Ok;
                items.Add(IngestItems.Of(new HealthResult { Site = "ovh", Node = "proxy1", Seq = seq++, Ts = t, Check = "probe.mail", Status = status, Summary = status.ToString() }));
            }
            var hour = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero);
            var last = t > BackupGapFrom && t < BackupGapTo ? BackupGapFrom : hour;
            items.Add(IngestItems.Of(new HealthResult
            {
                Site = "ovh", Node = "pbs1", Seq = seq++, Ts = t, Check = "pbs.backup.vm-101", Status = HealthStatus.Ok, Summary = "ok",
                Details = new JsonObject { ["lastBackupAt"] = last.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) },
            }));
        }
        foreach (var chunk in items.Chunk(500)) await store.StoreBatchAsync(chunk, Time.GetUtcNow(), default);
        await store.SaveMaintenanceWindowAsync(new MaintenanceWindow("mw-kernel", new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 10, 5, 11, 0, 0, TimeSpan.Zero), ["mail"], "Mise à jour <noyau> & redémarrage", new DateTimeOffset(2026, 9, 25, 12, 0, 0, TimeSpan.Zero), null), default);
        var reports = Factory.Services.GetRequiredService<ServiceLevelReports>();
        var incident = (await reports.IncidentsAsync(TimeSpan.FromDays(60), default)).Single();
        await store.AcknowledgeAsync(incident.Id, "operator", incident.DetectedAt.AddMinutes(10), default);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
