using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Hosting;
using Chezlepro.Collector.Ingest;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing;
using Chezlepro.Testing.Mosquitto;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chezlepro.Integration.Tests;

/// <summary>
/// Issue 18: agent and collector against a Mosquitto whose ONLY listener is mutual TLS (certificate mode of
/// packaging/mosquitto: the client certificate's CN is the user name, anonymous refused). Before, the collector
/// ignored <c>Mqtt:Tls</c> and could not reach such a broker at all.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TlsDeliveryTests : IAsyncLifetime
{
    private const string ReaderKey = "reader-key-for-tls-tests-01";
    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.Create("broker-ca");
    private readonly TestCertificateAuthority _otherCa = TestCertificateAuthority.Create("other-ca");
    private readonly List<string> _dataDirectories = [];
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync()
    {
        var (cert, key) = _ca.IssueServer();
        _broker = await MosquittoBroker.StartAsync(new MosquittoOptions
        {
            AllowAnonymous = false,
            Tls = new MosquittoTls { CaFile = _ca.CaFile, CertificateFile = cert, KeyFile = key },
        });
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _ca.Dispose();
        _otherCa.Dispose();
        foreach (var directory in _dataDirectories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A log file still held by a stopping host; the temp folder is cleaned by the OS.
            }
        }
    }

    // Mosquitto logs the protocol of each connection as "(p2" for 3.1.1 and "(p5" for MQTT 5.
    [Theory]
    [InlineData("3.1.1", "p2")]
    [InlineData("5", "p5")]
    public async Task MutualTlsOnlyBroker_AgentReadingReachesTheCollectorStore(string protocolVersion, string mosquittoProtocol)
    {
        var logs = new LogCapture();
        var (collectorCert, collectorKey) = _ca.IssueClient("collector-test");
        await using var collector = await StartCollectorAsync(_ca.CaFile, collectorCert, collectorKey, protocolVersion, logs);
        await collector.Services.GetRequiredService<IngestService>().Subscribed.WaitAsync(TimeSpan.FromSeconds(60));

        var (agentCert, agentKey) = _ca.IssueClient("lanaudiere-pve1");
        await using var agent = new AgentProcess("lanaudiere", "pve1", _broker.Port);
        UseTls(agent, agentCert, agentKey, protocolVersion);
        agent.Start();

        using var http = ApiClient(collector);
        await Eventually.HoldsAsync(async () =>
        {
            var latest = await http.GetAsync("/api/v1/sites/lanaudiere/nodes/pve1/latest");
            if (!latest.IsSuccessStatusCode) return false;
            var body = await latest.Content.ReadFromJsonAsync<JsonElement>();
            return body.GetProperty("metrics").EnumerateArray().Any(m => m.GetProperty("metric").GetString() == "host.load1");
        }, TimeSpan.FromSeconds(60), $"a host reading of lanaudiere/pve1 stored by the collector over TLS\n{agent.Log}\n{logs}");

        // Both clients used the configured protocol on the wire (the log is complete once the broker has stopped).
        await agent.StopAsync();
        await collector.StopAsync();
        await _broker.StopAsync();
        var brokerLog = _broker.ReadLog();
        Assert.Contains($"as chezlepro-collector-test ({mosquittoProtocol},", brokerLog, StringComparison.Ordinal);
        Assert.Contains($"as chezlepro-agent-lanaudiere-pve1 ({mosquittoProtocol},", brokerLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectorTrustingAnotherCa_RefusesTheBroker_NamingTheCertificate()
    {
        var logs = new LogCapture();
        var (cert, key) = _ca.IssueClient("collector-test");
        await using var collector = await StartCollectorAsync(_otherCa.CaFile, cert, key, "3.1.1", logs);

        var refusal = await logs.WaitForAsync(l => l.Contains("cannot connect to the broker", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.Contains($"TLS handshake with 127.0.0.1:{_broker.Port} failed", refusal, StringComparison.Ordinal);
        Assert.Contains("certificate not signed by the configured CA file", refusal, StringComparison.Ordinal);
        var ingest = collector.Services.GetRequiredService<IngestService>();
        Assert.False(ingest.IsConnected);
        Assert.False(ingest.Subscribed.IsCompleted);
    }

    private async Task<WebApplication> StartCollectorAsync(string caFile, string certificate, string key, string protocolVersion, LogCapture logs)
    {
        var data = Directory.CreateTempSubdirectory("collector-tls-").FullName;
        _dataDirectories.Add(data);
        var app = CollectorApp.Build([
            "--Collector:Id=test", $"--Collector:DataDirectory={data}", $"--Collector:Urls=http://127.0.0.1:{FreePort.Next()}",
            "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={_broker.Port}", "--Mqtt:KeepAliveSeconds=5", $"--Mqtt:ProtocolVersion={protocolVersion}",
            "--Mqtt:Tls:Enabled=true", $"--Mqtt:Tls:CaFile={caFile}", $"--Mqtt:Tls:CertificateFile={certificate}",
            $"--Mqtt:Tls:KeyFile={key}", "--Mqtt:Tls:TargetHost=localhost",
            $"--Api:Keys:0:Key={ReaderKey}", "--Api:Keys:0:Role=reader", "--Logging:File:Enabled=false",
        ], services => services.AddSingleton<ILoggerProvider>(logs));
        await app.StartAsync();
        return app;
    }

    private static HttpClient ApiClient(WebApplication collector)
    {
        var http = new HttpClient { BaseAddress = new Uri(collector.Urls.First()), Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ReaderKey);
        return http;
    }

    // AgentProcess writes its configuration to <DataDirectory>/agent.json before it starts; the TLS keys are added
    // there, the way an operator edits /etc/chezlepro/agent.json.
    private void UseTls(AgentProcess agent, string certificate, string key, string protocolVersion)
    {
        var path = Path.Combine(agent.DataDirectory, "agent.json");
        Assert.True(File.Exists(path), $"AgentProcess no longer writes {path}: adapt this test.");
        var config = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var mqtt = config["Mqtt"]!.AsObject();
        mqtt["ProtocolVersion"] = protocolVersion;
        mqtt["Tls"] = new JsonObject
        {
            ["Enabled"] = true, ["CaFile"] = _ca.CaFile, ["CertificateFile"] = certificate, ["KeyFile"] = key, ["TargetHost"] = "localhost",
        };
        File.WriteAllText(path, config.ToJsonString());
    }

    /// <summary>Every formatted log line of the in-process collector.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan timeout)
        {
            string? found = null;
            await Eventually.HoldsAsync(() => Task.FromResult((found = _lines.FirstOrDefault(match)) is not null), timeout,
                $"a matching collector log line\n{this}");
            return found!;
        }

        public override string ToString() => string.Join('\n', _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)}");
        }
    }
}
