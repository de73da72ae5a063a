using System.Reflection;
using Chezlepro.Agent.Diagnostics;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Contracts.Messages;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Forwarding;

/// <summary>
/// Drains the outbox in <c>seq</c> order over QoS 1 and deletes a row only after its PUBACK. Owns the
/// node's status topic: the will (offline, <c>lost</c>) is registered on every CONNECT with that
/// connection's session, the birth is published retained after every CONNACK, and a clean stop publishes
/// <c>shutdown</c> before DISCONNECT (which discards the will, MQTT-3.14.4-3).
/// </summary>
public sealed partial class Forwarder : BackgroundService
{
    private const int BacklogWorthLogging = 32;

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);
    private readonly IMqttClient _client;
    private readonly IOutbox _outbox;
    private readonly OutboxSignal _signal;
    private readonly MessageFactory _messages;
    private readonly AgentState _state;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<Forwarder> _logger;
    private readonly string _statusTopic;
    private readonly string _version;

    /// <summary>Creates the forwarder.</summary>
    public Forwarder(IMqttClient client, IOutbox outbox, OutboxSignal signal, MessageFactory messages, AgentState state,
        IOptions<OutboxOptions> options, TimeProvider time, ILogger<Forwarder> logger)
    {
        _client = client;
        _outbox = outbox;
        _signal = signal;
        _messages = messages;
        _state = state;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _statusTopic = messages.Topics.Status(messages.Site, messages.Node);
        _version = typeof(Forwarder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        _client.WillFactory = CreateWillAsync;
        _client.ConnectedHandler = OnConnectedAsync;
        _client.DisconnectedHandler = OnDisconnectedAsync;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await StartClientAsync(stoppingToken);
        var nextPrune = _time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_time.GetUtcNow() >= nextPrune)
                {
                    await _outbox.PruneAsync(_time.GetUtcNow(), stoppingToken);
                    nextPrune = _time.GetUtcNow() + PruneEvery;
                }
                var drained = _client.IsConnected && await DrainBatchAsync(stoppingToken);
                // Idle, the forwarder sleeps until a poll appends or the connection comes up (both signal), or the
                // next prune: waking every second to find nothing cost more CPU than all the polling (Agent.Bench).
                if (!drained) await _signal.WaitAsync(Max(nextPrune - _time.GetUtcNow(), TimeSpan.FromSeconds(1)), _time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is MqttNotConnectedException or MqttConnectionLostException or TimeoutException)
            {
                await _signal.WaitAsync(TimeSpan.FromSeconds(1), _time, stoppingToken);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_client.IsConnected)
        {
            try
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(TimeSpan.FromSeconds(5));
                var payload = _messages.Status(false, StatusMessage.ReasonShutdown, _state.Session, _time.GetUtcNow(), _state.StartedAt, _version);
                await _client.PublishAsync(new MqttApplicationMessage(_statusTopic, payload, MqttQualityOfService.AtLeastOnce, Retain: true), bounded.Token);
                AgentLog.ShutdownPublished(_logger, _state.Session);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                AgentLog.ShutdownPublishFailed(_logger, ex.Message);
            }
        }
        await _client.StopAsync(cancellationToken);
    }

    /// <summary>Publishes one batch; returns false when the outbox was empty.</summary>
    private async Task<bool> DrainBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await _outbox.PeekAsync(0, _options.BatchSize, cancellationToken);
        if (batch.Count == 0) return false;
        // Started in seq order so the client's in-flight window keeps that order on the wire; awaited in
        // order so that a failure stops the batch at the first unacknowledged seq.
        var sends = new List<Task>(batch.Count);
        foreach (var m in batch)
            sends.Add(_client.PublishAsync(new MqttApplicationMessage(m.Topic, m.Payload, MqttQualityOfService.AtLeastOnce), cancellationToken));
        var acked = new List<long>(batch.Count);
        Exception? failure = null;
        for (var i = 0; i < sends.Count; i++)
        {
            try
            {
                await sends[i];
                acked.Add(batch[i].Seq);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure ??= ex;
                if (acked.Count == i) AgentLog.PublishFailed(_logger, batch[i].Seq, ex.Message);
            }
        }
        // Rows acknowledged after a failed one are delivered too; deleting them is safe because the
        // collector is keyed on seq, not on arrival order.
        await _outbox.DeleteAsync(acked, CancellationToken.None);
        if (acked.Count > 0)
        {
            _state.Published += acked.Count;
            _state.LastPublishAt = _time.GetUtcNow();
            // A backlog drained after an outage is news; the routine message of every poll is not (years of journal).
            if (acked.Count >= BacklogWorthLogging) AgentLog.Drained(_logger, acked.Count, acked[^1]);
            else AgentLog.Forwarded(_logger, acked.Count, acked[^1]);
        }
        if (failure is not null) throw new MqttConnectionLostException("Publishing stopped: " + failure.Message, failure);
        return true;
    }
}
