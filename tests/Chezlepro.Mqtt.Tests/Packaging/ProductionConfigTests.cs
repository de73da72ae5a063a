using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing;
using Chezlepro.Testing.Processes;

namespace Chezlepro.Mqtt.Tests.Packaging;

/// <summary>
/// packaging/mosquitto/mosquitto.conf itself, run by Mosquitto with only paths and ports rewritten for the test:
/// anonymous clients refused, TLS listener with the script's CA and server certificate, password accounts, ACL.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProductionConfigTests : IAsyncLifetime
{
    private readonly BrokerScript _script = new();
    private int _tlsPort;
    private int _plainPort;
    private ConfiguredMosquitto _broker = null!;
    private Dictionary<string, string> _node = null!;
    private Dictionary<string, string> _collector = null!;

    public async Task InitializeAsync()
    {
        _script.Run("init-ca");
        _script.Run("server-cert", "localhost");
        _node = _script.Run("add-node", "lanaudiere", "pve1", "--cert");
        _collector = _script.Run("add-collector", "ovh");
        for (var attempt = 1; ; attempt++)
        {
            _tlsPort = FreePort.Next();
            _plainPort = FreePort.Next();
            try
            {
                _broker = await StartBrokerAsync();
                return;
            }
            catch (PortTakenException) when (attempt < 5)
            {
                // Another test project's peer took one of the random ports between the pick and the bind.
            }
        }
    }

    private async Task<ConfiguredMosquitto> StartBrokerAsync()
    {
        var conf = File.ReadAllText(Path.Combine(BrokerScript.PackagingDirectory, "mosquitto.conf"))
            .Replace("/etc/mosquitto/chezlepro", _script.Directory, StringComparison.Ordinal)
            .Replace("listener 8883\n", $"listener {_tlsPort} 127.0.0.1\n", StringComparison.Ordinal)
            .Replace("listener 1883 127.0.0.1\n", $"listener {_plainPort} 127.0.0.1\n", StringComparison.Ordinal)
            .Replace("pid_file /run/mosquitto/mosquitto.pid\n", "", StringComparison.Ordinal)
            .Replace("persistence true\n", "persistence false\n", StringComparison.Ordinal)
            .Replace("log_dest file /var/log/mosquitto/mosquitto.log\n", "log_dest stdout\n", StringComparison.Ordinal);
        // Every path the broker would touch was rewritten (persistence is off, so its location is never used).
        var settings = conf.Split('\n').Where(l => !l.TrimStart().StartsWith('#') && !l.StartsWith("persistence_location", StringComparison.Ordinal));
        Assert.DoesNotContain(settings, l => l.Contains("/etc/", StringComparison.Ordinal) || l.Contains("/var/", StringComparison.Ordinal));
        // CI runs as root; Mosquitto would otherwise drop to the mosquitto user (mqtt-sla.md §2.2).
        if (Environment.UserName == "root") conf += "\nuser root\n";
        var file = Path.Combine(_script.Directory, "mosquitto.conf");
        await File.WriteAllTextAsync(file, conf);
        return await ConfiguredMosquitto.StartAsync(file, _tlsPort, _plainPort);
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _script.Dispose();
    }

    private MqttClientOptions Options(int port, bool tls)
    {
        var o = new MqttClientOptions
        {
            Port = port,
            ClientId = "chezlepro-agent-lanaudiere-pve1",
            Username = _node["user"],
            Password = _node["password"],
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        };
        if (tls) o.Tls = new MqttTlsOptions { Enabled = true, CaFile = Path.Combine(_script.Directory, "ca.crt"), TargetHost = "localhost" };
        return o;
    }

    [Fact]
    public async Task Tls_NodeAccount_PublishesOwnSubtree_CollectorOnLoopbackSeesOnlyThat()
    {
        var seen = new MessageCollector();
        var collectorOptions = Options(_plainPort, tls: false);
        collectorOptions.ClientId = "chezlepro-collector-ovh";
        collectorOptions.Username = _collector["user"];
        collectorOptions.Password = _collector["password"];
        await using var collector = TestClients.Create(collectorOptions);
        collector.MessageHandler = seen.Handler;
        await collector.StartAsync(default);
        await collector.SubscribeAsync([new MqttTopicFilter("chezlepro/v1/#")], default);

        await using var agent = TestClients.Create(Options(_tlsPort, tls: true));
        await agent.StartAsync(default);
        await agent.PublishAsync(new MqttApplicationMessage("chezlepro/v1/failover/public-web", "forged"u8.ToArray()), default);
        await agent.PublishAsync(new MqttApplicationMessage("chezlepro/v1/lanaudiere/pve1/status", "online"u8.ToArray(), Retain: true), default);
        Assert.Equal("chezlepro/v1/lanaudiere/pve1/status", (await seen.NextAsync()).Topic);
        Assert.Null(await seen.NextOrNullAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Tls_ClientCertificateFromScript_Accepted()
    {
        var o = Options(_tlsPort, tls: true);
        o.Tls.CertificateFile = Path.Combine(_script.Directory, "lanaudiere-pve1.crt");
        o.Tls.KeyFile = Path.Combine(_script.Directory, "lanaudiere-pve1.key");
        await using var client = TestClients.Create(o);
        await client.StartAsync(default);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Anonymous_Refused_OnBothListeners()
    {
        foreach (var (port, tls) in new[] { (_plainPort, false), (_tlsPort, true) })
        {
            var o = Options(port, tls);
            o.Username = null;
            o.Password = null;
            await using var client = TestClients.Create(o);
            var ex = await Assert.ThrowsAsync<MqttConnectRefusedException>(() => client.StartAsync(default));
            Assert.Equal(5, ex.ReturnCode);
            // The collector retries a refused first connection with the same client (credentials may be fixed on the
            // broker meanwhile): the second try must reach the broker again, not fail as a second start.
            var again = await Assert.ThrowsAsync<MqttConnectRefusedException>(() => client.StartAsync(default));
            Assert.Equal(5, again.ReturnCode);
        }
    }

    [Fact]
    public async Task Plain_OnlyOnLoopbackListener_PasswordWorks()
    {
        await using var client = TestClients.Create(Options(_plainPort, tls: false));
        await client.StartAsync(default);
        Assert.True(client.IsConnected);
    }
}
