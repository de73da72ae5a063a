using System.Security.Cryptography.X509Certificates;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Http;
using Chezlepro.Health.Proxmox;
using Chezlepro.Health.Tests.Support;
using Chezlepro.Testing.Http;
using Chezlepro.Testing.Tls;

namespace Chezlepro.Health.Tests.Proxmox;

[Trait("Category", "Integration")]
public sealed class PveHealthReaderTests : IAsyncLifetime
{
    private const string Secret = "5f3c9e1a-0b7d-4e2f-9a61-c0ffee000001";
    private static readonly X509Certificate2 Certificate = TestCertificates.SelfSigned("pve1");
    private readonly ListLogger _log = new();
    private FakeApiServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new FakeApiServer(Certificate);
        ServeHealthyCluster(_server);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    internal static void ServeHealthyCluster(FakeApiServer server)
    {
        server.On("cluster/status", FakeReply.Fixture("pve8/cluster-status-healthy.json"))
            .On("cluster/resources", FakeReply.Fixture("pve8/resources-healthy.json"))
            .On("cluster/ha/status/current", FakeReply.Fixture("pve8/ha-healthy.json"));
        foreach (var node in new[] { "pve1", "pve2", "pve3" })
        {
            server.On($"nodes/{node}/status", FakeReply.Fixture("pve8/node-status.json"));
            server.On($"nodes/{node}/replication", FakeReply.Json("{\"data\":[]}"));
        }
    }

    // Generous per-attempt timeout: the CI box has 2 cores shared with other builds; only the hang tests use a short one.
    private PveHealthReader Reader(Action<ApiClientOptionsBuilder>? configure = null, double timeoutSeconds = 10)
    {
        var b = new ApiClientOptionsBuilder { BaseUrls = [_server.BaseUrl], Fingerprints = [CertificateTrustFormat(Certificate)] };
        configure?.Invoke(b);
        var options = new ApiClientOptions
        {
            BaseUrls = b.BaseUrls, TokenId = "monitor@pve!agent", TokenSecret = b.Secret, CertificateFingerprints = b.Fingerprints,
            CaFile = b.CaFile, Timeout = TimeSpan.FromSeconds(timeoutSeconds), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        return new PveHealthReader("pve", options, new PveReadOptions(), new FixedNowTimeProvider(), _log);
    }

    internal sealed class ApiClientOptionsBuilder
    {
        public List<Uri> BaseUrls { get; set; } = [];
        public List<string> Fingerprints { get; set; } = [];
        public string Secret { get; set; } = PveHealthReaderTests.Secret;
        public string? CaFile { get; set; }
    }

    internal static string CertificateTrustFormat(X509Certificate2 cert) => CertificateTrust.Format(cert);

    [Fact]
    public async Task ReadAsync_HealthyClusterWithPinnedCertificate_AllOkAndPveTokenHeader()
    {
        using var reader = Reader();

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.All(report.Checks, c => Assert.Equal(HealthStatus.Ok, c.Status));
        // quorum, three nodes, ha, replication.
        Assert.Equal(6, report.Checks.Count);
        Assert.NotNull(report.Find("proxmox.replication"));
        Assert.All(_server.Requests, r => Assert.Equal($"PVEAPIToken=monitor@pve!agent={Secret}", r.Authorization));
        Assert.Equal(1, _server.Count("nodes/pve2/status"));
    }

    [Theory]
    [InlineData("pve8/cluster-status-no-quorum.json", "pve8/resources-healthy.json", "proxmox.quorum", HealthStatus.Critical)]
    [InlineData("pve8/cluster-status-node-down.json", "pve8/resources-node-down.json", "proxmox.node.pve3", HealthStatus.Critical)]
    [InlineData("pve8/cluster-status-node-down.json", "pve8/resources-node-down.json", "proxmox.quorum", HealthStatus.Warning)]
    public async Task ReadAsync_DegradedCluster_MapsFixtures(string status, string resources, string check, HealthStatus expected)
    {
        _server.On("cluster/status", FakeReply.Fixture(status)).On("cluster/resources", FakeReply.Fixture(resources));
        using var reader = Reader();

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(expected, report.Find(check)!.Status);
        Assert.Equal(0, _server.Count("nodes/pve3/status") * (expected == HealthStatus.Critical && check.EndsWith("pve3", StringComparison.Ordinal) ? 1 : 0));
    }

    [Fact]
    public async Task ReadAsync_HaError_Critical()
    {
        _server.On("cluster/ha/status/current", FakeReply.Fixture("pve8/ha-error.json"));
        using var reader = Reader();

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Critical, report.Find("proxmox.ha")!.Status);
    }

    [Fact]
    public async Task ReadAsync_PinnedFingerprintMismatch_RefusedWithClearMessage()
    {
        var other = TestCertificates.SelfSigned("attacker");
        using var reader = Reader(b => b.Fingerprints = [CertificateTrustFormat(other)]);

        var report = await reader.ReadAsync(CancellationToken.None);

        var quorum = report.Find("proxmox.quorum")!;
        Assert.Equal(HealthStatus.Unknown, quorum.Status);
        Assert.Contains("certificate fingerprint mismatch", quorum.SummaryEn, StringComparison.Ordinal);
        Assert.Contains(CertificateTrustFormat(Certificate), quorum.SummaryEn, StringComparison.Ordinal);
        Assert.StartsWith("Proxmox illisible\u00a0: ", quorum.Summary, StringComparison.Ordinal);
        Assert.EndsWith(quorum.SummaryEn!, quorum.Summary, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task ReadAsync_SelfSignedWithoutPin_RefusedAsUntrusted()
    {
        using var reader = Reader(b => b.Fingerprints = []);

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unknown, report.Find("proxmox.quorum")!.Status);
        Assert.Contains("certificate not trusted", report.Find("proxmox.quorum")!.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CertificateSignedByCaFile_Trusted()
    {
        var (leaf, caPath) = TestCertificates.SignedByCa();
        await using var server = new FakeApiServer(leaf);
        ServeHealthyCluster(server);
        try
        {
            var options = new ApiClientOptions { BaseUrls = [new Uri($"https://localhost:{server.Port}")], TokenId = "monitor@pve!agent", TokenSecret = Secret, CaFile = caPath };
            using var reader = new PveHealthReader("pve", options, new PveReadOptions(), new FixedNowTimeProvider(), _log);

            var report = await reader.ReadAsync(CancellationToken.None);

            Assert.Equal(HealthStatus.Ok, report.Find("proxmox.quorum")!.Status);
        }
        finally
        {
            File.Delete(caPath);
        }
    }

    [Fact]
    public async Task ReadAsync_WrongToken_UnknownAuthenticationFailedAndSecretNeverShown()
    {
        _server.On("cluster/status", FakeReply.Error(401, "authentication failure"));
        using var reader = Reader(b => b.Secret = "wrong-" + Secret);

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.All(report.Checks, c => Assert.Equal(HealthStatus.Unknown, c.Status));
        Assert.Contains("authentication failed", report.Find("proxmox.quorum")!.SummaryEn, StringComparison.Ordinal);
        Assert.Equal(1, _server.Count("cluster/status"));
        Assert.Equal(0, _server.Count("cluster/resources"));
        Assert.All(report.Checks, c => Assert.DoesNotContain(Secret, c.SummaryEn, StringComparison.Ordinal));
        Assert.All(report.Checks, c => Assert.DoesNotContain(Secret, c.Summary, StringComparison.Ordinal));
        Assert.All(_log.Lines, l => Assert.DoesNotContain(Secret, l, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> BadReplies => new()
    {
        { "403", "permission denied (HTTP 403: Permission check failed (/, Sys.Audit))" },
        { "500", "server error (HTTP 500: internal error)" },
        { "595", "node unreachable through the proxy (HTTP 595: Errors during connection establishment" },
        { "html", "an HTML page came back instead of JSON" },
        { "truncated", "reply cut short" },
        { "never-ends", "no complete reply within 1.5 s (timeout)" },
        { "silent", "no complete reply within 1.5 s (timeout)" },
        { "garbage", "reply is not valid JSON" },
        { "no-data", "reply has no 'data' member" },
        { "wrong-shape", "unexpected reply shape" },
    };

    [Theory]
    [MemberData(nameof(BadReplies))]
    public async Task ReadAsync_BadReplyThenGoodReply_UnknownWithClearSummaryThenRecovers(string kind, string expected)
    {
        _server.Once("cluster/status", kind switch
        {
            "403" => FakeReply.Error(403, "Permission check failed (/, Sys.Audit)"),
            "500" => FakeReply.Error(500, "internal error"),
            "595" => FakeReply.Error(595, "Errors during connection establishment, proxy handshake failed"),
            "html" => FakeReply.Html(),
            "truncated" => FakeReply.Truncated("pve8/cluster-status-healthy.json"),
            "never-ends" => FakeReply.Hanging(),
            "silent" => FakeReply.NoAnswer(),
            "garbage" => FakeReply.Json("{\"data\": [ {\"type\": \"cluster\", \"quorate\": tru"),
            "no-data" => FakeReply.Json("{\"errors\":{\"node\":\"invalid\"}}"),
            _ => FakeReply.Json("{\"data\": {\"type\": \"cluster\"}}"),
        });
        using var reader = Reader(timeoutSeconds: kind is "never-ends" or "silent" ? 1.5 : 10);

        var first = await reader.ReadAsync(CancellationToken.None);
        var second = await reader.ReadAsync(CancellationToken.None);

        var quorum = first.Find("proxmox.quorum")!;
        Assert.Equal(HealthStatus.Unknown, quorum.Status);
        Assert.True(quorum.SummaryEn!.Contains(expected, StringComparison.Ordinal), quorum.SummaryEn);
        Assert.DoesNotContain('\n', quorum.SummaryEn);
        Assert.Equal(HealthStatus.Ok, second.Find("proxmox.quorum")!.Status);
    }

    [Fact]
    public async Task ReadAsync_MissingField_PartialResult()
    {
        _server.On("cluster/status", FakeReply.Fixture("pve8/cluster-status-missing-quorate.json"));
        using var reader = Reader();

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unknown, report.Find("proxmox.quorum")!.Status);
        Assert.Equal(HealthStatus.Ok, report.Find("proxmox.ha")!.Status);
        Assert.Equal(HealthStatus.Ok, report.Find("proxmox.node.pve1")!.Status);
    }

    [Fact]
    public async Task ReadAsync_FirstBaseUrlDown_FallsBackToNextNodeAndRemembersIt()
    {
        var dead = new Uri($"https://127.0.0.1:{Chezlepro.Testing.FreePort.Next()}");
        using var reader = Reader(b => b.BaseUrls = [dead, _server.BaseUrl]);

        var first = await reader.ReadAsync(CancellationToken.None);
        var second = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Ok, first.Find("proxmox.quorum")!.Status);
        Assert.Equal(HealthStatus.Ok, second.Find("proxmox.quorum")!.Status);
        Assert.Single(_log.Lines, l => l.StartsWith("7002 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_Transient503Once_RetriedAndOk()
    {
        _server.Once("cluster/status", FakeReply.Error(503, "Service Unavailable"));
        using var reader = Reader();

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Ok, report.Find("proxmox.quorum")!.Status);
        Assert.Equal(2, _server.Count("cluster/status"));
    }

    [Fact]
    public async Task ReadAsync_NodeStatus595_NodeStillMappedFromResources()
    {
        _server.On("nodes/pve2/status", FakeReply.Error(595, "Errors during connection establishment"));
        using var reader = Reader();

        var report = await reader.ReadAsync(CancellationToken.None);

        var pve2 = report.Find("proxmox.node.pve2")!;
        Assert.Equal(HealthStatus.Ok, pve2.Status);
        Assert.Contains("595", pve2.Details!["nodeStatusError"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
