using System.Text.Json;
using Chezlepro.Collector.Diagnostics;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Ingest;

/// <summary>
/// Subscribes to every agent message and feeds the processor. The collector keeps a durable session
/// (Clean Session 0, fixed client id) so the broker queues QoS 1 messages while it restarts. In a
/// <c>Collector:Group</c> it takes its share of the stream (<see cref="AgentTopicFilters"/> says which topics are shared and why).
/// </summary>
public sealed class IngestService : BackgroundService
{
    private readonly IMqttClient _client;
    private readonly IngestProcessor _processor;
    private readonly ICollectorStore _store;
    private readonly TopicScheme _topics;
    private readonly CollectorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IngestService> _logger;

    /// <summary>Creates the service.</summary>
    public IngestService(IMqttClient client, IngestProcessor processor, ICollectorStore store, TopicScheme topics,
        IOptions<CollectorOptions> options, TimeProvider time, ILogger<IngestService> logger)
    {
        _client = client;
        _processor = processor;
        _store = store;
        _topics = topics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        // Batches: everything the broker has already delivered is stored in one transaction and then
        // acknowledged; a storage fault acknowledges nothing, so the durable session delivers it again.
        _client.BatchMessageHandler = OnMessagesAsync;
        _client.WillFactory = _ => ValueTask.FromResult<MqttApplicationMessage?>(Status(false));
        _client.ConnectedHandler = async (e, ct) =>
        {
            // Subscriptions are replayed before this handler runs (on every connect: Mosquitto before 2.0.12 does not
            // restore a durable client's $share subscriptions): from here on, agent messages have a queue.
            // A durable session made by an earlier version still holds the wide filter, which brings the acks back, and
            // one made before this collector joined a group holds the plain filters (AgentTopicFilters.Stale).
            // (UNSUBSCRIBE is on the concrete client only; IMqttClient is not this helper's to widen.)
            if (e.SessionPresent && _client is MqttClient full) await full.UnsubscribeAsync(AgentTopicFilters.Stale(_topics, _options.Group), ct);
            _subscribed.TrySetResult();
            CollectorLog.Connected(_logger, e.SessionPresent);
            await _client.PublishAsync(Status(true), ct);
        };
        _client.DisconnectedHandler = e =>
        {
            if (!e.Clean) CollectorLog.Disconnected(_logger, e.Reason);
            return Task.CompletedTask;
        };
    }

    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once the collector's subscription exists at the broker. Until the collector's durable session
    /// has been created once, the broker has nowhere to queue agent messages: deploy the collector first.
    /// </summary>
    public Task Subscribed => _subscribed.Task;

    /// <summary>True while connected to the broker (the failover witness condition).</summary>
    public bool IsConnected => _client.IsConnected;

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(cancellationToken);
        CollectorLog.StoreReady(_logger, _options.Store);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _client.SubscribeAsync(AgentTopicFilters.For(_topics, _options.Group).Select(f => new MqttTopicFilter(f)).ToList(), stoppingToken);
        var delay = TimeSpan.FromSeconds(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _client.StartAsync(stoppingToken);
                break;
            }
            catch (MqttConnectException ex)
            {
                CollectorLog.ConnectRefused(_logger, ex.Message);
                await Task.Delay(delay, _time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(5).Ticks));
            }
        }
        // From here the client reconnects by itself and messages arrive through OnMessagesAsync; the hourly prune
        // is TelemetryPruneService, so a store fault there cannot end this service.
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_client.IsConnected)
        {
            try
            {
                await _client.PublishAsync(Status(false), cancellationToken);
            }
            catch (Exception ex) when (ex is MqttConnectionLostException or MqttNotConnectedException or OperationCanceledException)
            {
                CollectorLog.Disconnected(_logger, ex.Message);
            }
        }
        await _client.StopAsync(cancellationToken);
    }

    private async Task OnMessagesAsync(IReadOnlyList<MqttApplicationMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            await _processor.ProcessBatchAsync(messages.Select(m => (m.Topic, m.Payload)).ToList(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CollectorLog.StoreFailed(_logger, messages[0].Topic, ex.Message);
            throw;
        }
    }

    private MqttApplicationMessage Status(bool online)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new CollectorStatus(online, _time.GetUtcNow()), IngestJsonContext.Default.CollectorStatus);
        return new MqttApplicationMessage(_topics.CollectorStatus(_options.Id), payload, MqttQualityOfService.AtLeastOnce, Retain: true);
    }
}
