using System.Text;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Probes;
using Chezlepro.Health.Tests.Support;
using Chezlepro.Testing.Http;
using Chezlepro.Testing.Tls;

namespace Chezlepro.Health.Tests.Probes;

[Trait("Category", "Integration")]
public class ServiceProbeTests
{
    private static readonly ListLogger Log = new();

    private static ServiceProbe Probe(ProbeOptions options) => new("mail", options, TimeProvider.System, Log);

    private static FakeReply Page(string body, int status = 200) => new(status, status == 200 ? "OK" : "Internal Server Error", Encoding.UTF8.GetBytes(body), "text/html");

    [Fact]
    public async Task ProbeAsync_HttpsTrustedByCaFileWithKeyword_OkWithLatencyAndCertificateDays()
    {
        var (leaf, ca) = TestCertificates.SignedByCa();
        await using var server = new FakeApiServer(leaf).On("", Page("<html>Roundcube Webmail login</html>"));
        using var probe = Probe(new ProbeOptions { Kind = ProbeKind.Https, Url = new Uri($"https://127.0.0.1:{server.Port}/"), Keyword = "Roundcube", ExpectStatus = 200, CaFile = ca });

        var report = await probe.ProbeAsync(CancellationToken.None);

        var check = report.Find("probe.mail")!;
        Assert.Equal(HealthStatus.Ok, check.Status);
        Assert.Matches(@"^HTTP 200 in \d+ ms, certificate 29\d days left$", check.SummaryEn);
        Assert.Matches("^HTTP 200 en \\d+\u00a0ms, certificat valide encore 29\\d\u00a0jours$", check.Summary);
        Assert.Contains(report.Samples, s => s.Metric == "probe.mail.latency" && s.Unit == "ms");
        Assert.Contains(report.Samples, s => s.Metric == "probe.mail.certificate.daysLeft" && s.Value >= 298);
        Assert.Contains(report.Samples, s => s.Metric == "probe.mail.up" && s.Value == 1);
        File.Delete(ca);
    }

    [Fact]
    public async Task ProbeAsync_ExpiredCertificate_FailsSayingExpired()
    {
        var expired = TestCertificates.SelfSigned("old", DateTimeOffset.UtcNow.AddDays(-400), DateTimeOffset.UtcNow.AddDays(-2));
        await using var server = new FakeApiServer(expired).On("", Page("hello"));
        using var probe = Probe(new ProbeOptions { Kind = ProbeKind.Https, Url = new Uri($"https://127.0.0.1:{server.Port}/"), FailuresBeforeCritical = 1 });

        var check = (await probe.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;

        Assert.Equal(HealthStatus.Critical, check.Status);
        Assert.StartsWith("TLS certificate expired on ", check.SummaryEn, StringComparison.Ordinal);
        Assert.StartsWith("certificat TLS expiré le ", check.Summary, StringComparison.Ordinal);
        Assert.True(check.Details!["certificateDaysLeft"]!.GetValue<double>() < 0);
    }

    [Fact]
    public async Task ProbeAsync_CertificateExpiringSoon_Warning()
    {
        var (_, ca) = TestCertificates.SignedByCa();
        var soon = TestCertificates.SelfSigned("soon", DateTimeOffset.UtcNow.AddDays(-80), DateTimeOffset.UtcNow.AddDays(5).AddHours(1));
        await using var server = new FakeApiServer(soon).On("", Page("hello"));
        var pem = Path.GetTempFileName();
        await File.WriteAllTextAsync(pem, soon.ExportCertificatePem());
        using var probe = Probe(new ProbeOptions { Kind = ProbeKind.Https, Url = new Uri($"https://127.0.0.1:{server.Port}/"), CaFile = pem });

        var check = (await probe.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;

        Assert.Equal(HealthStatus.Warning, check.Status);
        Assert.EndsWith("certificate 5 days left", check.SummaryEn, StringComparison.Ordinal);
        File.Delete(pem);
        File.Delete(ca);
    }

    [Fact]
    public async Task ProbeAsync_HangingServer_TimeoutWarningThenCriticalAfterN()
    {
        await using var server = new FakeApiServer(null).On("", FakeReply.NoAnswer());
        using var probe = Probe(new ProbeOptions { Kind = ProbeKind.Http, Url = new Uri($"http://127.0.0.1:{server.Port}/"), Timeout = TimeSpan.FromMilliseconds(500), FailuresBeforeCritical = 2 });

        var first = (await probe.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;
        var second = (await probe.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;

        Assert.Equal(HealthStatus.Warning, first.Status);
        Assert.Equal("no answer within 0.5 s (timeout) (failure 1 of 2 before critical)", first.SummaryEn);
        Assert.Equal(HealthStatus.Critical, second.Status);
        Assert.Equal("no answer within 0.5 s (timeout) (2 failures in a row)", second.SummaryEn);
        Assert.Equal("aucune réponse en 0,5\u00a0s (délai dépassé) (échec 1 sur 2 avant critique)", first.Summary);
        Assert.Equal("aucune réponse en 0,5\u00a0s (délai dépassé) (2 échecs de suite)", second.Summary);
    }

    [Fact]
    public async Task ProbeAsync_WrongStatusMissingKeywordThenOk_CountsThenResets()
    {
        await using var server = new FakeApiServer(null).Once("", Page("oops", 500)).Once("", Page("maintenance")).On("", Page("Webmail ready"));
        using var probe = Probe(new ProbeOptions { Kind = ProbeKind.Http, Url = new Uri($"http://127.0.0.1:{server.Port}/"), Keyword = "Webmail", FailuresBeforeCritical = 3 });

        var a = (await probe.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;
        var b = (await probe.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;
        var c = (await probe.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;

        Assert.Equal("HTTP 500 Internal Server Error, expected 2xx/3xx (failure 1 of 3 before critical)", a.SummaryEn);
        // The server's reason phrase stays as sent inside the French sentence.
        Assert.Equal("HTTP 500 Internal Server Error, attendu 2xx/3xx (échec 1 sur 3 avant critique)", a.Summary);
        Assert.StartsWith("HTTP 200 but keyword 'Webmail' not found", b.SummaryEn, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Warning, b.Status);
        Assert.Equal(HealthStatus.Ok, c.Status);
        Assert.Equal(0, probe.ConsecutiveFailures);
    }

    [Fact]
    public async Task ProbeAsync_TcpOpenAndClosedPorts_OkThenConnectionRefused()
    {
        await using var server = new BannerServer("hello");
        using var open = Probe(new ProbeOptions { Kind = ProbeKind.Tcp, Host = "127.0.0.1", Port = server.Port });
        using var closed = Probe(new ProbeOptions { Kind = ProbeKind.Tcp, Host = "127.0.0.1", Port = Chezlepro.Testing.FreePort.Next(), FailuresBeforeCritical = 1 });

        var ok = (await open.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;
        var refused = (await closed.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;

        Assert.Equal(HealthStatus.Ok, ok.Status);
        Assert.Equal(HealthStatus.Critical, refused.Status);
        Assert.Contains("ConnectionRefused", refused.SummaryEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProbeKind.Smtp, "220 mail.example.org ESMTP Postfix", true)]
    [InlineData(ProbeKind.Smtp, "554 5.3.2 service unavailable", false)]
    [InlineData(ProbeKind.Imap, "* OK [CAPABILITY IMAP4rev1] Dovecot ready.", true)]
    [InlineData(ProbeKind.Imap, "* BYE too many connections", false)]
    public async Task ProbeAsync_Banner_JudgedByProtocol(ProbeKind kind, string banner, bool ok)
    {
        await using var server = new BannerServer(banner);
        using var probe = Probe(new ProbeOptions { Kind = kind, Host = "127.0.0.1", Port = server.Port, FailuresBeforeCritical = 1 });

        var check = (await probe.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;

        Assert.Equal(ok ? HealthStatus.Ok : HealthStatus.Critical, check.Status);
        Assert.Contains(banner, check.SummaryEn, StringComparison.Ordinal);
        Assert.StartsWith(ok ? "bannière " : "bannière " + kind.ToString().ToUpperInvariant() + " inattendue\u00a0: " + banner, check.Summary, StringComparison.Ordinal);
        Assert.Contains(banner, check.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_ImapsWithTrustedCertificate_OkWithCertificateDays()
    {
        var (leaf, ca) = TestCertificates.SignedByCa();
        await using var server = new BannerServer("* OK IMAPS ready", leaf);
        using var probe = Probe(new ProbeOptions { Kind = ProbeKind.Imap, Tls = true, Host = "localhost", Port = server.Port, CaFile = ca });

        var check = (await probe.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;

        Assert.Equal(HealthStatus.Ok, check.Status);
        Assert.NotNull(check.Details!["certificateDaysLeft"]);
        File.Delete(ca);
    }

    [Fact]
    public async Task ProbeAsync_SmtpServerSilent_Timeout()
    {
        await using var server = new BannerServer(null);
        using var probe = Probe(new ProbeOptions { Kind = ProbeKind.Smtp, Host = "127.0.0.1", Port = server.Port, Timeout = TimeSpan.FromMilliseconds(400) });

        var check = (await probe.ProbeAsync(CancellationToken.None)).Find("probe.mail")!;

        Assert.Equal(HealthStatus.Warning, check.Status);
        Assert.StartsWith("no answer within 0.4 s (timeout)", check.SummaryEn, StringComparison.Ordinal);
    }
}
