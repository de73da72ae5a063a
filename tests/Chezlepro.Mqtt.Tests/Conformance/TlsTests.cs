using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>TLS against Mosquitto's TLS listener with a CA, server and client certificates made by the test (mqtt-sla.md §2.5).</summary>
[Trait("Category", "Integration")]
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.Create();
    private readonly TestCertificateAuthority _otherCa = TestCertificateAuthority.Create("other-ca");
    private readonly int _tlsPort = FreePort.Next();
    private string _serverCert = "";
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync()
    {
        var (cert, key) = _ca.IssueServer();
        _serverCert = cert;
        _broker = await MosquittoBroker.StartAsync(new MosquittoOptions
        {
            ExtraListeners =
            [
                $"listener {_tlsPort} 127.0.0.1\ncafile {_ca.CaFile}\ncertfile {cert}\nkeyfile {key}\n" +
                "require_certificate true\nuse_identity_as_username true\ntls_version tlsv1.2",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private MqttClient Client(Action<MqttTlsOptions> tls, ILogger<MqttClient>? logger = null, string client = "site1-node1")
    {
        var options = TestClients.Options(_broker);
        options.Port = _tlsPort;
        var (cert, key) = _ca.IssueClient(client);
        options.Tls = new MqttTlsOptions { Enabled = true, CaFile = _ca.CaFile, CertificateFile = cert, KeyFile = key, TargetHost = "localhost" };
        tls(options.Tls);
        return logger is null ? TestClients.Create(options) : new MqttClient(options, logger, TimeProvider.System);
    }

    [Fact]
    public async Task Tls_CaAndClientCertificate_RoundTrip()
    {
        await using var client = Client(_ => { });
        var collector = new MessageCollector();
        client.MessageHandler = collector.Handler;
        await client.StartAsync(default);
        await client.SubscribeAsync([new MqttTopicFilter("tls/#")], default);
        await client.PublishAsync(new MqttApplicationMessage("tls/x", "secret"u8.ToArray()), default);
        Assert.Equal("secret", Encoding.UTF8.GetString((await collector.NextAsync()).Payload.Span));
    }

    [Fact]
    public async Task Tls_WrongCa_RefusedWithClearError()
    {
        await using var client = Client(t => t.CaFile = _otherCa.CaFile);
        var ex = await Assert.ThrowsAnyAsync<MqttConnectException>(() => client.StartAsync(default));
        Assert.Contains("not signed by the configured CA", ex.Message);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Tls_NoClientCertificate_NoSession()
    {
        await using var client = Client(t =>
        {
            t.CertificateFile = null;
            t.KeyFile = null;
        });
        // require_certificate: the broker ends the handshake (TLS 1.2) or the connection right after it (TLS 1.3).
        try
        {
            await client.StartAsync(default);
        }
        catch (MqttConnectException)
        {
        }
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Tls_HostNameMismatch_Refused()
    {
        await using var client = Client(t => t.TargetHost = "not-the-broker");
        var ex = await Assert.ThrowsAnyAsync<MqttConnectException>(() => client.StartAsync(default));
        Assert.Contains("does not match host name 'not-the-broker'", ex.Message);
    }

    [Fact]
    public async Task Tls_PinMatches_Accepted_PinDiffers_Refused()
    {
        await using (var good = Client(t => t.PinnedSha256 = TestCertificateAuthority.Sha256Of(_serverCert)))
        {
            await good.StartAsync(default);
            Assert.True(good.IsConnected);
        }
        await using var bad = Client(t => t.PinnedSha256 = new string('A', 64));
        var ex = await Assert.ThrowsAnyAsync<MqttConnectException>(() => bad.StartAsync(default));
        Assert.Contains("does not match the pinned value", ex.Message);
    }

    [Fact]
    public async Task Tls_PinOnlyWithoutCa_AcceptsSelfManagedBroker()
    {
        await using var client = Client(t =>
        {
            t.CaFile = null;
            t.PinnedSha256 = TestCertificateAuthority.Sha256Of(_serverCert);
            t.PinOnly = true;
        });
        await client.StartAsync(default);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Tls_SystemStoreOnly_PrivateCaRefused()
    {
        await using var client = Client(t => t.CaFile = null);
        var ex = await Assert.ThrowsAnyAsync<MqttConnectException>(() => client.StartAsync(default));
        Assert.Contains("not trusted by the system store", ex.Message);
    }

    [Fact]
    public async Task Tls_SkipVerification_ConnectsButWarnsLoudly()
    {
        var logger = new ListLogger<MqttClient>();
        await using var client = Client(t =>
        {
            t.CaFile = _otherCa.CaFile;
            t.SkipCertificateValidation = true;
        }, logger);
        await client.StartAsync(default);
        Assert.True(client.IsConnected);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("verification is OFF"));
    }
}
