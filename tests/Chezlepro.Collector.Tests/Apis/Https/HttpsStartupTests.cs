using System.Globalization;
using System.Runtime.CompilerServices;
using Chezlepro.Collector.Hosting;
using Chezlepro.Collector.Options;
using Chezlepro.Hosting.Lifetime;
using Chezlepro.Testing;
using Chezlepro.Testing.Tls;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis.Https;

/// <summary>A bad Api:Https stops the start with exit 78 (not restarted) and check-config names it; the shipped sample binds.</summary>
public sealed class HttpsStartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("https-start-").FullName;

    [Fact]
    public async Task ExpiredCertificate_Main_ReturnsBadConfiguration_CheckConfigNamesIt()
    {
        var now = TimeProvider.System.GetUtcNow();
        using var expired = TestCertificates.SelfSigned("expired", notBefore: now.AddDays(-60), notAfter: now.AddDays(-1));
        var cert = Path.Combine(_dir, "fullchain.pem");
        var key = Path.Combine(_dir, "privkey.pem");
        PemFiles.Write(expired, cert, key);
        string[] https = [$"--Api:Https:Url=https://127.0.0.1:{FreePort.Next()}", $"--Api:Https:CertificatePath={cert}", $"--Api:Https:KeyPath={key}"];

        var code = await Program.Main([.. Args(), .. https]).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(HostExitCode.BadConfiguration, code);

        var configuration = new ConfigurationBuilder().AddCommandLine([.. Args(), .. https]).Build();
        Assert.Contains(CheckConfigCommand.Check(configuration), p => p.StartsWith($"Api:Https:CertificatePath = '{cert}': the certificate expired on", StringComparison.Ordinal));
    }

    [Fact]
    public void CommentedSample_BindsTheKeysOfThisCode()
    {
        var sample = Path.Combine(PackagingFolder(), "linux", "config", "collector-https.example.json");
        var api = new ConfigurationBuilder().AddJsonFile(sample).Build().GetSection(ApiOptions.SectionName).Get<ApiOptions>()!;
        Assert.Equal("https://0.0.0.0:8443", api.Https.Url);
        Assert.Equal("/etc/chezlepro/tls/fullchain.pem", api.Https.CertificatePath);
        Assert.Equal("/etc/chezlepro/tls/privkey.pem", api.Https.KeyPath);
        Assert.Equal(["127.0.0.1", "::1"], api.TrustedProxies);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string[] Args() =>
    [
        $"--Collector:DataDirectory={_dir}", "--Collector:Urls=http://127.0.0.1:0",
        $"--Mqtt:Port={FreePort.Next().ToString(CultureInfo.InvariantCulture)}", "--Logging:File:Enabled=false",
    ];

    // The checkout the tests were built from (this file's own path, written at compile time).
    private static string PackagingFolder([CallerFilePath] string path = "")
    {
        var dir = Path.GetDirectoryName(path);
        while (dir is not null && !Directory.Exists(Path.Combine(dir, "packaging"))) dir = Path.GetDirectoryName(dir);
        return Path.Combine(dir ?? throw new InvalidOperationException("packaging/ not found above " + path), "packaging");
    }
}
