using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Mqtt.Transport;
using Chezlepro.Testing;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>TLS against Mosquitto's TLS listener with a CA, server and client certificates made by the test (mqtt-sla.md §2.5).</summary>
[Trait("Category", "Integration")]
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.Create();
    private readonly TestCertificateAuthority _otherCa = TestCertificateAuthority.Create("other-ca");
    private readonly int _tlsPort = FreePort.Next();
    private readonly string _brokerLog = Path.Combine(Path.GetTempPath(), $"mosquitto-tls-{Guid.NewGuid():N}.log");
    private string _serverCert = "";
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync()
    {
        var (cert, key) = _ca.IssueServer();
        _serverCert = cert;
        _broker = await MosquittoBroker.StartAsync(new MosquittoOptions
        {
            // Line by line, unlike its buffered stdout: the refusal test reads the broker's reason as it is logged.
            ExtraLines = [$"log_dest file {_brokerLog}"],
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
        File.Delete(_brokerLog);
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
    public async Task Tls_NoClientCertificate_BrokerRefusesWithCertificateRequiredAlert()
    {
        // Control: the same broker, CA and options with the client certificate connect, so what follows is the certificate alone.
        await using (var withCertificate = Client(_ => { }))
        {
            await withCertificate.StartAsync(default);
            Assert.True(withCertificate.IsConnected);
        }
        Assert.Equal(0, BrokerRefusals());

        // TLS 1.3 (the listener's minimum is 1.2; both ends prefer 1.3): the client's side of the handshake completes
        // before the broker checks for a certificate, so the refusal is the broker's fatal alert on the first read.
        // A wrong port or a dead broker fails the TCP connect instead; a broker that accepted would send nothing.
        var tls = new MqttTlsOptions { Enabled = true, CaFile = _ca.CaFile, TargetHost = "localhost" };
        await using (var transport = new TlsMqttTransport("127.0.0.1", _tlsPort, tls, NullLogger.Instance))
        {
            await transport.ConnectAsync(default);
            // Read only: writing first would race the broker closing the socket behind its alert (a bare reset).
            var refused = await Assert.ThrowsAnyAsync<IOException>(async () => await transport.ReadAsync(new byte[16], default));
            var chain = string.Join(" | ", Chain(refused).Select(e => e.Message));
            Assert.Contains("tlsv13 alert certificate required", chain, StringComparison.Ordinal);
        }
        await WaitForBrokerRefusalsAsync(1);

        // Through the client: no session, and the broker refused this attempt for the same reason.
        var logger = new ListLogger<MqttClient>();
        await using var client = Client(t =>
        {
            t.CertificateFile = null;
            t.KeyFile = null;
        }, logger);
        var sessions = 0;
        client.ConnectedHandler = (_, _) =>
        {
            Interlocked.Increment(ref sessions);
            return Task.CompletedTask;
        };
        await client.StartAsync(default);
        Assert.False(client.IsConnected);
        Assert.Equal(0, sessions);
        Assert.Contains(logger.Entries, e => e.Id.Id == 5006); // first connect failed, retrying in the background
        // The client goes on retrying in the background, and each retry is refused for the same reason: at least 2.
        await WaitForBrokerRefusalsAsync(2, exact: false);
    }

    // Mosquitto's own reason, one line per refused handshake.
    private int BrokerRefusals() =>
        File.ReadLines(_brokerLog).Count(l => l.Contains("peer did not return a certificate", StringComparison.Ordinal));

    private async Task WaitForBrokerRefusalsAsync(int count, bool exact = true)
    {
        // The broker logs right after sending its alert: the client may read the alert first.
        for (var i = 0; BrokerRefusals() < count; i++)
        {
            Assert.True(i < 100, $"the broker logged {BrokerRefusals()} refusals for a missing certificate, expected {count}:\n{File.ReadAllText(_brokerLog)}");
            await Task.Delay(50);
        }
        if (exact) Assert.Equal(count, BrokerRefusals());
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
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
