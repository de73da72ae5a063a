using Chezlepro.Collector.Apis.Https;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Testing.Tls;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis.Https;

/// <summary>The reload rule: files read again only when their stamp changes; an unusable change keeps the previous certificate.</summary>
public sealed class ApiCertificateSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cert-source-").FullName;
    private readonly CapturedLogs _logs = new();

    private string CertPath => Path.Combine(_dir, "cert.pem");

    private string KeyPath => Path.Combine(_dir, "key.pem");

    [Fact]
    public void KeyWrittenBeforeItsCertificate_KeepsServingTheOldOne_ThenSwitchesWhenBothMatch()
    {
        using var first = TestCertificates.SelfSigned("first");
        using var second = TestCertificates.SelfSigned("second");
        PemFiles.Write(first, CertPath, KeyPath);
        var source = Source();
        Assert.Equal(first.Thumbprint, source.Current()!.Leaf.Thumbprint);

        // A renewal caught half-way: the new key beside the old certificate.
        File.WriteAllText(KeyPath, PemFiles.KeyPem(second));
        Assert.Equal(first.Thumbprint, source.Current()!.Leaf.Thumbprint);
        Assert.Equal(first.Thumbprint, source.Current()!.Leaf.Thumbprint);
        var failed = Assert.Single(_logs.All, e => e.EventId == 8612);
        Assert.Equal(first.Thumbprint, failed.Properties["Thumbprint"]);

        File.WriteAllText(CertPath, second.ExportCertificatePem());
        Assert.Equal(second.Thumbprint, source.Current()!.Leaf.Thumbprint);
        Assert.Equal(2, _logs.All.Count(e => e.EventId == 8611));
    }

    [Fact]
    public void UnchangedFiles_SameInstance_NoSecondLoad()
    {
        using var first = TestCertificates.SelfSigned("first");
        PemFiles.Write(first, CertPath, KeyPath);
        var source = Source();
        Assert.Same(source.Current(), source.Current());
        Assert.Single(_logs.All, e => e.EventId == 8611);
    }

    [Fact]
    public void NeverLoaded_BrokenFiles_Throws_WithoutHttps_Null()
    {
        File.WriteAllText(CertPath, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        File.WriteAllText(KeyPath, "garbage");
        Assert.Throws<CertificateFileException>(() => Source().Current());
        var off = new ApiCertificateSource(Microsoft.Extensions.Options.Options.Create(new ApiOptions()), LoggerFactory.Create(b => b.AddProvider(_logs)).CreateLogger<ApiCertificateSource>());
        Assert.False(off.Enabled);
        Assert.Null(off.Current());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ApiCertificateSource Source()
    {
        var options = new ApiOptions { Https = new ApiHttpsOptions { Url = "https://127.0.0.1:8443", CertificatePath = CertPath, KeyPath = KeyPath } };
        var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        return new ApiCertificateSource(Microsoft.Extensions.Options.Options.Create(options), factory.CreateLogger<ApiCertificateSource>());
    }
}
