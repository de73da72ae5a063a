using Chezlepro.Collector.Apis.Https;
using Chezlepro.Collector.Options;
using Chezlepro.Testing;
using Chezlepro.Testing.Tls;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis.Https;

/// <summary>Api:Https and Api:TrustedProxies checked at start: key, value and path in the message, never the password.</summary>
public sealed class ApiExposureValidatorTests : IDisposable
{
    private const string Password = "pfx-secret-Zq81";
    private readonly string _dir = Directory.CreateTempSubdirectory("https-options-").FullName;
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());

    private string CertPath => Path.Combine(_dir, "fullchain.pem");

    private string KeyPath => Path.Combine(_dir, "privkey.pem");

    [Fact]
    public void PemPair_Valid_StarAddress_Valid()
    {
        using var cert = TestCertificates.SelfSigned("ok");
        PemFiles.Write(cert, CertPath, KeyPath);
        Assert.Empty(Problems(Https("https://127.0.0.1:8443", CertPath, KeyPath)));
        Assert.Empty(Problems(Https("https://*:8443", CertPath, KeyPath)));
    }

    [Fact]
    public void PemHoldingCertificateAndKey_Valid()
    {
        using var cert = TestCertificates.SelfSigned("ok");
        File.WriteAllText(CertPath, cert.ExportCertificatePem() + "\n" + PemFiles.KeyPem(cert));
        Assert.Empty(Problems(Https("https://127.0.0.1:8443", CertPath, null)));
    }

    [Fact]
    public void MissingFiles_NamedWithKeyAndPath()
    {
        var missing = Path.Combine(_dir, "absent.pem");
        Assert.Contains($"Api:Https:CertificatePath = '{missing}': no such file.", Problems(Https("https://127.0.0.1:8443", missing, KeyPath)));
        using var cert = TestCertificates.SelfSigned("ok");
        PemFiles.Write(cert, CertPath, KeyPath);
        Assert.Contains($"Api:Https:KeyPath = '{missing}': no such file.", Problems(Https("https://127.0.0.1:8443", CertPath, missing)));
        Assert.Contains("Api:Https:CertificatePath is required when Api:Https:Url is set.", Problems(Https("https://127.0.0.1:8443", null, null)));
    }

    [Fact]
    public void KeyOfAnotherCertificate_Refused()
    {
        using var cert = TestCertificates.SelfSigned("ok");
        using var other = TestCertificates.SelfSigned("other");
        PemFiles.Write(cert, CertPath, KeyPath);
        File.WriteAllText(KeyPath, PemFiles.KeyPem(other));
        var problem = Assert.Single(Problems(Https("https://127.0.0.1:8443", CertPath, KeyPath)));
        Assert.StartsWith($"Api:Https:CertificatePath = '{CertPath}' with Api:Https:KeyPath = '{KeyPath}': not a usable", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NotPemNotPkcs12_Refused()
    {
        File.WriteAllBytes(CertPath, [0x30, 0x82, 0x01, 0x00, 0xFF, 0x00]);
        var problem = Assert.Single(Problems(Https("https://127.0.0.1:8443", CertPath, null)));
        Assert.Contains("not a usable server certificate", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_Or_NotYetValid_Refused()
    {
        using var cert = TestCertificates.SelfSigned("ok", notBefore: _time.GetUtcNow().AddDays(-10), notAfter: _time.GetUtcNow().AddDays(10));
        PemFiles.Write(cert, CertPath, KeyPath);
        _time.Advance(TimeSpan.FromDays(11));
        Assert.Contains("the certificate expired on", Assert.Single(Problems(Https("https://127.0.0.1:8443", CertPath, KeyPath))), StringComparison.Ordinal);
        var early = new ApiExposureValidator(new FakeTimeProvider(cert.NotBefore.ToUniversalTime().AddDays(-1)));
        var problem = Assert.Single(early.Validate(null, Https("https://127.0.0.1:8443", CertPath, KeyPath)).Failures!);
        Assert.Contains("the certificate is valid only from", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Pkcs12_RightPassword_Valid_WrongPassword_RefusedWithoutThePassword()
    {
        using var cert = TestCertificates.SelfSigned("ok");
        var pfx = Path.Combine(_dir, "collector.pfx");
        PemFiles.WritePkcs12(cert, pfx, Password);
        var good = Https("https://127.0.0.1:8443", pfx, null);
        good.Https.Password = Password;
        Assert.Empty(Problems(good));
        var bad = Https("https://127.0.0.1:8443", pfx, null);
        bad.Https.Password = "wrong-" + Password;
        var problem = Assert.Single(Problems(bad));
        Assert.DoesNotContain(Password, problem, StringComparison.Ordinal);
        Assert.Contains(pfx, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_NotHttpsOrAList_Refused_CertificateWithoutUrl_Refused()
    {
        using var cert = TestCertificates.SelfSigned("ok");
        PemFiles.Write(cert, CertPath, KeyPath);
        foreach (var url in new[] { "http://127.0.0.1:8443", "https://127.0.0.1:8443;https://[::1]:8443", "8443" })
            Assert.Contains($"Api:Https:Url = '{url}': must be an https URL with a host and a port (https://0.0.0.0:8443).", Problems(Https(url, CertPath, KeyPath)));
        Assert.Contains($"Api:Https:CertificatePath = '{CertPath}' is set but Api:Https:Url is empty: no HTTPS endpoint would use it.", Problems(Https(null, CertPath, KeyPath)));
    }

    [Fact]
    public void TrustedProxies_AddressesAndNetworks_Valid_OthersNamedByIndex()
    {
        var options = new ApiOptions { TrustedProxies = ["10.0.0.5", "10.0.0.0/24", "::1", "fd00::/8", "10.0.0.5/33", "proxy.lan", ""] };
        var problems = Problems(options);
        Assert.Equal(
        [
            "Api:TrustedProxies:4 = '10.0.0.5/33': not an IP address or a CIDR network (10.0.0.5, 10.0.0.0/24, ::1).",
            "Api:TrustedProxies:5 = 'proxy.lan': not an IP address or a CIDR network (10.0.0.5, 10.0.0.0/24, ::1).",
            "Api:TrustedProxies:6 = '': not an IP address or a CIDR network (10.0.0.5, 10.0.0.0/24, ::1).",
        ], problems);
    }

    [Fact]
    public void NothingConfigured_Valid() => Assert.Empty(Problems(new ApiOptions()));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ApiOptions Https(string? url, string? cert, string? key) =>
        new() { Https = new ApiHttpsOptions { Url = url, CertificatePath = cert, KeyPath = key } };

    private List<string> Problems(ApiOptions options) =>
        new ApiExposureValidator(_time).Validate(null, options).Failures?.ToList() ?? [];
}
