using System.Security.Cryptography.X509Certificates;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Http;
using Chezlepro.Health.Pbs;
using Chezlepro.Health.Tests.Support;
using Chezlepro.Testing.Http;
using Chezlepro.Testing.Tls;

namespace Chezlepro.Health.Tests.Pbs;

[Trait("Category", "Integration")]
public sealed class PbsHealthReaderTests : IAsyncLifetime
{
    private const string Secret = "b7e2a4c1-5d3f-4e88-a0b1-feedface0002";
    private static readonly X509Certificate2 Certificate = TestCertificates.SelfSigned("pbs1");
    private readonly ListLogger _log = new();
    private readonly FixedNowTimeProvider _clock = new();
    private FakeApiServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new FakeApiServer(Certificate)
            .On("status/datastore-usage", FakeReply.Fixture("pbs3/datastore-usage.json"))
            .On("admin/gc", FakeReply.Fixture("pbs3/gc.json"))
            .On("admin/datastore/main/namespace", FakeReply.Fixture("pbs3/namespaces.json"))
            .On("admin/datastore/main/snapshots", FakeReply.Fixture("pbs3/snapshots-root.json"))
            .On("admin/datastore/main/snapshots?ns=site-a", FakeReply.Fixture("pbs3/snapshots-site-a.json"))
            .On("admin/datastore/main/snapshots?ns=site-a/old", FakeReply.Fixture("pbs3/snapshots-site-a-old.json"))
            .On("nodes/localhost/tasks", FakeReply.Fixture("pbs3/tasks.json"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private PbsHealthReader Reader(string secret = Secret, IReadOnlyList<string>? stores = null) => new("pbs",
        new ApiClientOptions
        {
            BaseUrls = [_server.BaseUrl], TokenId = "monitor@pbs!agent", TokenSecret = secret,
            CertificateFingerprints = [CertificateTrust.Format(Certificate).ToLowerInvariant()],
            Timeout = TimeSpan.FromSeconds(10), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10),
        },
        new PbsReadOptions { Datastores = stores ?? [] }, _clock, _log);

    [Fact]
    public async Task ReadAsync_Pbs3_EveryNamespaceReadWithPbsTokenHeader()
    {
        using var reader = Reader();

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(["pbs.datastore.main", "pbs.backup.ct-201", "pbs.backup.ct-202", "pbs.backup.host-fw01", "pbs.backup.vm-100", "pbs.backup.vm-101"],
            report.Checks.Select(c => c.Check));
        Assert.All(_server.Requests, r => Assert.Equal($"PBSAPIToken=monitor@pbs!agent:{Secret}", r.Authorization));
        Assert.Contains(_server.Requests, r => r.Path == "admin/datastore/main/snapshots" && r.Query == "ns=site-a/old");
        Assert.Contains(_server.Requests, r => r.Path == "admin/datastore/main/namespace" && r.Query == "max-depth=7");
    }

    [Fact]
    public async Task ReadAsync_Fixtures_StaleVerificationFailedRunningAsDocumented()
    {
        using var reader = Reader();

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Ok, report.Find("pbs.backup.vm-100")!.Status);
        Assert.True(report.Find("pbs.backup.vm-100")!.Details!["running"]!.GetValue<bool>());
        Assert.Equal("failed", report.Find("pbs.backup.vm-101")!.Details!["verification"]!.GetValue<string>());
        Assert.Equal(HealthStatus.Critical, report.Find("pbs.backup.ct-201")!.Status);
        Assert.Equal("2026-11-21T11:00:00.000Z", report.Find("pbs.backup.vm-100")!.Details!["lastBackupAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadAsync_FailedTasks_ReportedOnceAndFirstPollLooksBack25Hours()
    {
        using var reader = Reader();

        var first = await reader.ReadAsync(CancellationToken.None);
        _clock.Now = _clock.Now.AddMinutes(5);
        var second = await reader.ReadAsync(CancellationToken.None);

        Assert.Contains(first.Samples, s => s.Metric == "pbs.tasks.failed" && s.Value == 2);
        Assert.Contains(second.Samples, s => s.Metric == "pbs.tasks.failed" && s.Value == 0);
        var queries = _server.Requests.Where(r => r.Path == "nodes/localhost/tasks").Select(r => r.Query).ToList();
        Assert.Equal($"errors=1&limit=0&since={Fixture.Now.AddHours(-25).ToUnixTimeSeconds()}", queries[0]);
        Assert.Equal($"errors=1&limit=0&since={Fixture.Now.AddHours(-1).ToUnixTimeSeconds()}", queries[1]);
    }

    [Fact]
    public async Task ReadAsync_Pbs4NearlyFullStore_Warning()
    {
        _server.On("status/datastore-usage", FakeReply.Fixture("pbs4/datastore-usage.json")).On("admin/gc", FakeReply.Fixture("pbs4/gc.json"));
        using var reader = Reader();

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Warning, report.Find("pbs.datastore.main")!.Status);
        Assert.Contains("93.5% full", report.Find("pbs.datastore.main")!.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WrongToken_ConfiguredStoresUnknownAuthenticationFailed()
    {
        _server.On("status/datastore-usage", FakeReply.Error(401, "Unauthorized", "authentication failed - invalid credentials"));
        using var reader = Reader(secret: "nope", stores: ["main"]);

        var report = await reader.ReadAsync(CancellationToken.None);

        var main = Assert.Single(report.Checks);
        Assert.Equal("pbs.datastore.main", main.Check);
        Assert.Equal(HealthStatus.Unknown, main.Status);
        Assert.Contains("authentication failed", main.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailureAfterSuccess_EveryKnownCheckUnknownThenRecovers()
    {
        using var reader = Reader();
        await reader.ReadAsync(CancellationToken.None);
        _server.Once("status/datastore-usage", FakeReply.Error(500, "Internal Server Error", "unable to open chunk store 'main' - EIO"));

        var failed = await reader.ReadAsync(CancellationToken.None);
        var recovered = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(6, failed.Checks.Count);
        Assert.All(failed.Checks, c => Assert.Equal(HealthStatus.Unknown, c.Status));
        Assert.Contains("HTTP 500: unable to open chunk store 'main' - EIO", failed.Find("pbs.backup.vm-100")!.SummaryEn, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Ok, recovered.Find("pbs.backup.vm-100")!.Status);
    }

    [Fact]
    public async Task ReadAsync_OldPbsWithoutGcEndpointOrNamespaces_StillReads()
    {
        _server.On("admin/gc", FakeReply.Error(404, "Not Found", "Path '/api2/json/admin/gc' not found."))
            .On("admin/datastore/main/namespace", FakeReply.Error(404, "Not Found", "no such path"))
            .On("nodes/localhost/tasks", FakeReply.Json("{\"data\":[]}"));
        using var reader = Reader();

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Ok, report.Find("pbs.datastore.main")!.Status);
        Assert.Equal(["pbs.datastore.main", "pbs.backup.host-fw01"], report.Checks.Select(c => c.Check));
        Assert.Equal(HealthStatus.Ok, report.Find("pbs.backup.host-fw01")!.Status);
    }
}
