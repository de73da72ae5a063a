using System.Text.Json;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// The NOC alert stream on <c>&lt;root&gt;/v1/noc/alerts</c> (QoS 1, not retained). Every alert goes through the
/// <see cref="NocAlertBook"/>; what cannot be published while the broker is away is kept (bounded) and sent
/// on the next round, in order.
/// </summary>
public sealed class NocPublisher
{
    private const int MaxBacklog = 1000;
    private readonly IMqttClient _client;
    private readonly TopicScheme _topics;
    private readonly TimeProvider _time;
    private readonly ILogger<NocPublisher> _logger;
    private readonly NocAlertBook _book;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<NocAlert> _backlog = new();
    private readonly ILeadership? _leadership;

    /// <summary>Creates the publisher.</summary>
    /// <param name="client">The collector's MQTT client.</param>
    /// <param name="topics">Topic names.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="book">De-duplication and flap state (tests pass their own).</param>
    /// <param name="leadership">With several collectors, only the leader (the failover decision-maker) publishes; the others keep
    /// their book up to date (so a takeover does not repeat what was already sent) and send nothing.</param>
    public NocPublisher(IMqttClient client, TopicScheme topics, TimeProvider time, ILogger<NocPublisher> logger, NocAlertBook? book = null,
        ILeadership? leadership = null)
    {
        _leadership = leadership;
        _client = client;
        _topics = topics;
        _time = time;
        _logger = logger;
        _book = book ?? new NocAlertBook();
    }

    /// <summary>Offers an alert; publishes it if the book lets it through.</summary>
    public Task OfferAsync(NocAlert alert, CancellationToken cancellationToken) => RunAsync(now => _book.Offer(alert, now), cancellationToken);

    /// <summary>
    /// Queues an agent alert for the stream (call from ingest after it was stored). It is published by the next
    /// <see cref="TickAsync"/>, not here: ingest runs inside the MQTT client's message handler, and awaiting a
    /// PUBACK there would wait on the very receive loop that is busy running the handler.
    /// </summary>
    public Task OnAgentAlertAsync(AlertEvent alert, CancellationToken cancellationToken) =>
        RunAsync(now => _book.Offer(NocAlertTexts.FromAgent(alert, now), now), cancellationToken, publish: false);

    /// <summary>Ends flap holds that went quiet and retries the backlog.</summary>
    public Task TickAsync(CancellationToken cancellationToken) => RunAsync(_book.Tick, cancellationToken);

    /// <summary>Current and recent alerts.</summary>
    public async Task<IReadOnlyList<NocAlertView>> ViewsAsync(AlertState? state, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _book.Views(state);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunAsync(Func<DateTimeOffset, IReadOnlyList<NocAlert>> step, CancellationToken cancellationToken, bool publish = true)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var a in step(_time.GetUtcNow()))
            {
                if (_backlog.Count >= MaxBacklog) _backlog.Dequeue();
                _backlog.Enqueue(a);
            }
            if (_leadership is { Shared: true, IsLeader: false })
            {
                _backlog.Clear();
                return;
            }
            while (publish && _backlog.TryPeek(out var next))
            {
                try
                {
                    var payload = JsonSerializer.SerializeToUtf8Bytes(next, ContractJsonContext.Default.NocAlert);
                    await _client.PublishAsync(new MqttApplicationMessage(_topics.NocAlerts, payload, MqttQualityOfService.AtLeastOnce, Retain: false), cancellationToken);
                }
                catch (Exception ex) when (ex is MqttNotConnectedException or MqttConnectionLostException)
                {
                    NocLog.PublishFailed(_logger, next.Id, ex.Message);
                    return;
                }
                _backlog.Dequeue();
                NocLog.Published(_logger, next.Id, next.State, next.Priority);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
