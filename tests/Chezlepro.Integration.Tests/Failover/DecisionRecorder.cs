using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Integration.Tests.Failover;

/// <summary>A plain subscriber to the failover topics and the NOC stream, timestamping what it receives.</summary>
public sealed class DecisionRecorder : IAsyncDisposable
{
    /// <summary>Markers travel on their own topic, outside the contract's tree.</summary>
    public const string MarkerTopicPrefix = "chezlepro-test/marker/";

    private readonly MqttClient _client;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _markers = new();

    private DecisionRecorder(MqttClient client) => _client = client;

    public ConcurrentQueue<(TimeSpan At, FailoverDecision Decision, bool Retained)> Decisions { get; } = new();

    public ConcurrentQueue<(TimeSpan At, NocAlert Alert)> Alerts { get; } = new();

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public static async Task<DecisionRecorder> StartAsync(int port)
    {
        var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = port, ClientId = "failover-recorder", CleanSession = true, KeepAlive = TimeSpan.FromSeconds(5) },
            NullLogger<MqttClient>.Instance, TimeProvider.System);
        var recorder = new DecisionRecorder(client);
        client.MessageHandler = (m, _) =>
        {
            if (m.Topic.StartsWith("chezlepro/v1/failover/", StringComparison.Ordinal))
                recorder.Decisions.Enqueue((recorder.Clock.Elapsed, JsonSerializer.Deserialize(m.Payload.Span, ContractJsonContext.Default.FailoverDecision)!, m.Retain));
            else if (m.Topic == "chezlepro/v1/noc/alerts")
                recorder.Alerts.Enqueue((recorder.Clock.Elapsed, JsonSerializer.Deserialize(m.Payload.Span, ContractJsonContext.Default.NocAlert)!));
            else if (m.Topic.StartsWith(MarkerTopicPrefix, StringComparison.Ordinal))
                recorder.Marker(m.Topic[MarkerTopicPrefix.Length..]).TrySetResult();
            return Task.CompletedTask;
        };
        await client.SubscribeAsync([new MqttTopicFilter("chezlepro/v1/failover/#"), new MqttTopicFilter("chezlepro/v1/noc/alerts"),
            new MqttTopicFilter(MarkerTopicPrefix + "#")], default);
        await client.StartAsync(default);
        return recorder;
    }

    /// <summary>Completes when the marker <paramref name="id"/> has been received (and so everything its sender published before it).</summary>
    public Task MarkerReceived(string id) => Marker(id).Task;

    private TaskCompletionSource Marker(string id) => _markers.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync(default);
        await _client.DisposeAsync();
    }
}
