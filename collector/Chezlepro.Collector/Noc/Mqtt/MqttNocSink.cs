using System.Text.Json;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Noc.Mqtt;

/// <summary>
/// The NOC stream on <c>&lt;root&gt;/v1/noc/alerts</c> (QoS 1, not retained; contract.md). What cannot be published
/// while the broker is away is kept (the newest 1000) and sent on the next flush, in order.
/// </summary>
public sealed class MqttNocSink : INocSink
{
    /// <summary>The sink's name.</summary>
    public const string SinkName = "mqtt";

    private const int MaxBacklog = 1000;
    private readonly IMqttClient _client;
    private readonly TopicScheme _topics;
    private readonly NocSinkCounters _counters;
    private readonly ILogger _logger;
    private readonly Queue<NocAlert> _backlog = new();

    /// <summary>Creates the sink (calls are serialised by <see cref="NocPublisher"/>).</summary>
    /// <param name="client">The collector's MQTT client.</param>
    /// <param name="topics">Topic names.</param>
    /// <param name="counters">Delivery counters.</param>
    /// <param name="logger">Logger.</param>
    public MqttNocSink(IMqttClient client, TopicScheme topics, NocSinkCounters counters, ILogger logger)
    {
        _client = client;
        _topics = topics;
        _counters = counters;
        _logger = logger;
        counters.Track(SinkName);
    }

    /// <inheritdoc />
    public string Name => SinkName;

    /// <inheritdoc />
    public void Enqueue(NocAlert alert)
    {
        if (_backlog.Count >= MaxBacklog) _backlog.Dequeue();
        _backlog.Enqueue(alert);
    }

    /// <inheritdoc />
    public void Drop() => _backlog.Clear();

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (_backlog.TryPeek(out var next))
        {
            try
            {
                var payload = JsonSerializer.SerializeToUtf8Bytes(next, ContractJsonContext.Default.NocAlert);
                await _client.PublishAsync(new MqttApplicationMessage(_topics.NocAlerts, payload, MqttQualityOfService.AtLeastOnce, Retain: false), cancellationToken);
            }
            catch (Exception ex) when (ex is MqttNotConnectedException or MqttConnectionLostException)
            {
                _counters.Failed(SinkName);
                NocLog.PublishFailed(_logger, next.Id, ex.Message);
                return;
            }
            _backlog.Dequeue();
            _counters.Sent(SinkName, 1);
            NocLog.Published(_logger, next.Id, next.State, next.Priority);
        }
    }
}
