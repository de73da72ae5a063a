using System.Diagnostics;
using System.Text;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Mqtt;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>packaging/failover/chezlepro-failover-consumer.py against a real Mosquitto.</summary>
[Trait("Category", "Integration")]
public sealed class FailoverConsumerTests : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private readonly string _dir = Directory.CreateTempSubdirectory("failover-consumer-").FullName;
    private readonly StringBuilder _log = new();
    private Process? _consumer;

    private string Reloads => Path.Combine(_dir, "reloads.log");

    // Build outputs may live outside the repository (--artifacts-path): find the script from this source file.
    private static string? Script([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        for (var d = new FileInfo(source).Directory; d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "packaging", "failover", "chezlepro-failover-consumer.py");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private void StartConsumer(string script, int port)
    {
        var psi = new ProcessStartInfo(Python) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { script, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state", Path.Combine(_dir, "state.json"),
            "--include", Path.Combine(_dir, "{group}.conf"), "--upstream", "lanaudiere=10.0.1.10:443", "--upstream", "st-bruno=10.0.2.10:443",
            "--reload", Path.Combine(_dir, "reload.sh") })
            psi.ArgumentList.Add(a);
        _consumer = Process.Start(psi)!;
        _consumer.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _consumer.BeginErrorReadLine();
    }

    private void StopConsumer()
    {
        if (_consumer is { HasExited: false }) _consumer.Kill();
        _consumer?.WaitForExit();
    }

    private string Log()
    {
        lock (_log) return _log.ToString();
    }

    private static string Decision(long epoch, string active, string mode = "automatic") =>
        $$"""{"schema":1,"group":"public-web","active":"{{active}}","previous":"x","epoch":{{epoch}},"mode":"{{mode}}","reason":"primary-unreachable","decidedAt":"2026-11-21T14:05:00.000Z"}""";

    [Fact]
    public async Task Consumer_Decisions_AppliesOnlyHigherNonAdvisoryEpochsAndReports()
    {
        if (OperatingSystem.IsWindows()) return;
        var script = Script();
        Assert.NotNull(script);
        await using var broker = await MosquittoBroker.StartAsync();
        File.WriteAllText(Path.Combine(_dir, "reload.sh"), $"#!/bin/sh\necho reload >> '{Reloads}'\n");
        File.SetUnixFileMode(Path.Combine(_dir, "reload.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var acks = new List<string>();
        await using var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = "consumer-test", CleanSession = true },
            NullLogger<MqttClient>.Instance, TimeProvider.System);
        client.MessageHandler = (m, _) => { lock (acks) acks.Add(Encoding.UTF8.GetString(m.Payload.Span)); return Task.CompletedTask; };
        await client.SubscribeAsync([new MqttTopicFilter("chezlepro/v1/failover-applied/#")], default);
        await client.StartAsync(default);

        StartConsumer(script, broker.Port);
        await Eventually.HoldsAsync(() => Task.FromResult(Log().Contains("subscribed", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "consumer connected");
        async Task Send(string payload, bool retain = true) =>
            await client.PublishAsync(new MqttApplicationMessage("chezlepro/v1/failover/public-web", Encoding.UTF8.GetBytes(payload), MqttQualityOfService.AtLeastOnce, retain), default);

        await Send(Decision(2, "st-bruno"));
        await Send(Decision(1, "lanaudiere"), retain: false);
        await Send(Decision(3, "lanaudiere", "advisory"), retain: false);
        await Send("garbage{", retain: false);
        await Eventually.HoldsAsync(() => Task.FromResult(Log().Contains("malformed", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "all four handled");

        Assert.Contains("server 10.0.2.10:443;", File.ReadAllText(Path.Combine(_dir, "public-web.conf")), StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Reloads));
        Assert.Contains("\"epoch\": 2", File.ReadAllText(Path.Combine(_dir, "state.json")), StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => { lock (acks) return Task.FromResult(acks.Count == 1); }, TimeSpan.FromSeconds(5), "one acknowledgement");
        lock (acks) Assert.Contains("\"epoch\": 2", acks[0], StringComparison.Ordinal);

        // Restart: the retained epoch 2 is delivered again and must not be applied again.
        StopConsumer();
        _log.Clear();
        StartConsumer(script, broker.Port);
        await Eventually.HoldsAsync(() => Task.FromResult(Log().Contains("<= last applied 2", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "retained replay ignored");
        Assert.Single(File.ReadAllLines(Reloads));

        await Send(Decision(4, "lanaudiere", "operator"));
        await Eventually.HoldsAsync(() => Task.FromResult(File.ReadAllLines(Reloads).Length == 2), TimeSpan.FromSeconds(10), "operator epoch applied");
        Assert.Contains("server 10.0.1.10:443;", File.ReadAllText(Path.Combine(_dir, "public-web.conf")), StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        StopConsumer();
        _consumer?.Dispose();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }
}
