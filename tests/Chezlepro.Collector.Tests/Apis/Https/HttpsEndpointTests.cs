using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Chezlepro.Collector.Hosting;
using Chezlepro.Testing;
using Chezlepro.Testing.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis.Https;

/// <summary>
/// The real collector (Kestrel, in process) serving Api:Https from PEM files laid out as certbot does (live/ links to
/// archive/ files): each new TLS connection presents the certificate the files hold now, and /metrics gives its expiry.
/// </summary>
public sealed class HttpsEndpointTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("collector-https-").FullName;
    private readonly int _httpsPort = FreePort.Next();
    private WebApplication? _app;
    private string _firstThumbprint = "";
    private long _firstExpiry;

    private string Live(string name) => Path.Combine(_dir, "live", name);

    private string Archive(string name) => Path.Combine(_dir, "archive", name);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "live"));
        Directory.CreateDirectory(Path.Combine(_dir, "archive"));
        Directory.CreateDirectory(Path.Combine(_dir, "data"));
        using var first = TestCertificates.SelfSigned("collector-first", notAfter: TimeProvider.System.GetUtcNow().AddDays(30));
        Issue(first, 1);
        (_firstThumbprint, _firstExpiry) = (first.Thumbprint, Seconds(first));
        _app = CollectorApp.Build([
            $"--Collector:DataDirectory={Path.Combine(_dir, "data")}", $"--Collector:Urls=http://127.0.0.1:{FreePort.Next()}",
            "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={FreePort.Next()}", "--Logging:File:Enabled=false",
            $"--Api:Https:Url=https://127.0.0.1:{_httpsPort}",
            $"--Api:Https:CertificatePath={Live("fullchain.pem")}", $"--Api:Https:KeyPath={Live("privkey.pem")}",
        ]);
        await _app.StartAsync();
    }

    [Fact]
    public async Task RenewedFiles_NextConnectionPresentsTheNewCertificate_MetricFollows()
    {
        var (presented, metrics) = await GetMetricsOverTlsAsync();
        Assert.Equal(_firstThumbprint, presented);
        Assert.Equal(_firstExpiry, ExpiryMetric(metrics));

        // certbot renew: new files in archive/, live/ links switched.
        using var second = TestCertificates.SelfSigned("collector-second", notAfter: TimeProvider.System.GetUtcNow().AddDays(90));
        Issue(second, 2);
        (presented, metrics) = await GetMetricsOverTlsAsync();
        Assert.Equal(second.Thumbprint, presented);
        Assert.Equal(Seconds(second), ExpiryMetric(metrics));

        // A tool that rewrites the files in place instead of switching links.
        using var third = TestCertificates.SelfSigned("collector-third", notAfter: TimeProvider.System.GetUtcNow().AddDays(60));
        PemFiles.Write(third, Archive("cert2.pem"), Archive("privkey2.pem"));
        (presented, metrics) = await GetMetricsOverTlsAsync();
        Assert.Equal(third.Thumbprint, presented);
        Assert.Equal(Seconds(third), ExpiryMetric(metrics));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private void Issue(X509Certificate2 certificate, int n)
    {
        PemFiles.Write(certificate, Archive($"cert{n}.pem"), Archive($"privkey{n}.pem"));
        foreach (var (link, target) in new[] { ("fullchain.pem", $"cert{n}.pem"), ("privkey.pem", $"privkey{n}.pem") })
        {
            var staged = Live(link + ".new");
            File.CreateSymbolicLink(staged, Archive(target));
            File.Move(staged, Live(link), overwrite: true);
        }
    }

    // A new connection each time (a new handler), pinned: only a certificate this test made is accepted.
    private async Task<(string? Thumbprint, string Metrics)> GetMetricsOverTlsAsync()
    {
        string? presented = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            presented = (certificate as X509Certificate2)?.Thumbprint;
            return certificate is X509Certificate2 c && c.Subject.StartsWith("CN=collector-", StringComparison.Ordinal);
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
        var metrics = await client.GetStringAsync(new Uri($"https://127.0.0.1:{_httpsPort}/metrics"));
        return (presented, metrics);
    }

    private static long Seconds(X509Certificate2 certificate) => new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero).ToUnixTimeSeconds();

    private static long ExpiryMetric(string metrics)
    {
        const string Name = "chezlepro_api_certificate_expiry_timestamp_seconds ";
        var line = metrics.Split('\n').Single(l => l.StartsWith(Name, StringComparison.Ordinal));
        return long.Parse(line[Name.Length..], CultureInfo.InvariantCulture);
    }
}
