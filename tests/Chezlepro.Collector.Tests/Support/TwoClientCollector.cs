using System.Globalization;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chezlepro.Collector.Tests.Support;

/// <summary>
/// A collector in WebApplicationFactory with two clients: OBNL Alpha (contract contrat-a, service mail-a, guest
/// vm-101) and OBNL Beta (contrat-b, erp-b, vm-202); keys for reader, operator (named) and Alpha's client key.
/// Every identifier of Beta is distinct text, so "Beta leaked" is a substring check.
/// </summary>
internal sealed class TwoClientCollector : IAsyncDisposable
{
    public const string Reader = "reader-key-0123456789abcdef";
    public const string Operator = "operator-key-0123456789abcd";
    public const string ClientAlpha = "client-alpha-key-0123456789";
    public const string OperatorName = "Alice Tremblay";
    public const string ClientAlphaName = "Portail OBNL Alpha";

    /// <summary>Text that only Beta's data contains.</summary>
    public static readonly string[] BetaMarkers = ["OBNL Beta", "contrat-b", "erp-b", "vm-202"];

    private readonly string _dir = Directory.CreateTempSubdirectory("api-client-").FullName;

    public TwoClientCollector(IReadOnlyDictionary<string, string>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Collector:DataDirectory"] = _dir, ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Logging:File:Enabled"] = "false", ["Api:ProtectMetrics"] = "true",
            ["Api:Keys:0:Key"] = Reader, ["Api:Keys:0:Role"] = "reader",
            ["Api:Keys:1:Key"] = Operator, ["Api:Keys:1:Role"] = "operator", ["Api:Keys:1:Name"] = OperatorName,
            ["Api:Keys:2:Key"] = ClientAlpha, ["Api:Keys:2:Role"] = "client", ["Api:Keys:2:Client"] = "OBNL Alpha", ["Api:Keys:2:Name"] = ClientAlphaName,
            ["Catalog:Guests:0:Id"] = "vm-101", ["Catalog:Guests:0:Service"] = "mail-a",
            ["Catalog:Guests:1:Id"] = "vm-202", ["Catalog:Guests:1:Service"] = "erp-b",
        };
        Service(settings, 0, "mail-a", "critical", "proxy1");
        Service(settings, 1, "erp-b", "important", "proxy2");
        Contract(settings, 0, "contrat-a", "OBNL Alpha", "mail-a");
        Contract(settings, 1, "contrat-b", "OBNL Beta", "erp-b");
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (k, v) in settings) b.UseSetting(k, v);
            b.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(Time);
                s.AddSingleton<ILoggerProvider>(Logs);
                services?.Invoke(s);
            });
        });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero));

    public CapturedLogs Logs { get; } = new();

    public WebApplicationFactory<Program> Factory { get; }

    public string DatabasePath => Path.Combine(_dir, "collector.db");

    public HttpClient Client(string? bearer)
    {
        var c = Factory.CreateClient();
        if (bearer is not null) c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        return c;
    }

    /// <summary>Both services: a result every 30 min from Oct 9 to Oct 12, down Oct 10 08:00-12:00 UTC (one incident each).</summary>
    public async Task SeedOutagesAsync()
    {
        var store = Factory.Services.GetRequiredService<ICollectorStore>();
        var seq = 1L;
        var down = new DateTimeOffset(2026, 10, 10, 8, 0, 0, TimeSpan.Zero);
        for (var t = new DateTimeOffset(2026, 10, 9, 0, 0, 0, TimeSpan.Zero); t <= new DateTimeOffset(2026, 10, 12, 0, 0, 0, TimeSpan.Zero); t += TimeSpan.FromMinutes(30))
        {
            var status = t >= down && t < down.AddHours(4) ? HealthStatus.Critical : HealthStatus.Ok;
            foreach (var (node, check) in new[] { ("proxy1", "probe.mail-a"), ("proxy2", "probe.erp-b") })
            {
                var r = new HealthResult { Site = "ovh", Node = node, Seq = seq++, Ts = t, Check = check, Status = status, Summary = status.ToString() };
                Assert.Equal(StoreOutcome.Inserted, await store.StoreOneAsync(IngestItems.Of(r), t));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static void Service(Dictionary<string, string> s, int i, string id, string category, string node)
    {
        var p = $"Catalog:Services:{i}:";
        s[p + "Id"] = id;
        s[p + "Name"] = id;
        s[p + "Category"] = category;
        s[p + "StalenessLimit"] = "01:00:00";
        s[p + "Checks:0:Site"] = "ovh";
        s[p + "Checks:0:Node"] = node;
        s[p + "Checks:0:Check"] = "probe." + id;
    }

    private static void Contract(Dictionary<string, string> s, int i, string id, string client, string service)
    {
        var p = $"Catalog:Contracts:{i}:";
        s[p + "Id"] = id;
        s[p + "Client"] = client;
        s[p + "Services:0"] = service;
        s[p + "MonthlyFee"] = "150.00";
        s[p + "Start"] = "2026-01-01";
    }
}
