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
/// Drains the outbox in <c>seq</c> order over QoS 1. A PUBACK only marks a row sent (the broker has it); the row is
/// deleted when the collector's retained watermark on <c>&lt;site&gt;/&lt;node&gt;/ack</c> covers it, and everything
/// unacknowledged is sent again from <c>through + 1</c> after a reconnect or <c>Forwarding:AckTimeout</c> without
/// progress (contract.md, delivery watermark; <see cref="DeliveryWindow"/>). It also prunes the outbox. Owns the
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
    private readonly string _ackTopic;
    private readonly string _version;
    private readonly DeliveryWindow _window;
    private DateTimeOffset _nextPrune;
    private bool _foreignAckLogged;

    /// <summary>Creates the forwarder.</summary>
    public Forwarder(IMqttClient client, IOutbox outbox, OutboxSignal signal, MessageFactory messages, AgentState state,
        IOptions<OutboxOptions> options, IOptions<ForwardingOptions> forwarding, TimeProvider time, ILogger<Forwarder> logger)
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
        _ackTopic = messages.Topics.Ack(messages.Site, messages.Node);
        _window = new DeliveryWindow(forwarding.Value.AckTimeout);
        _version = typeof(Forwarder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        _client.WillFactory = CreateWillAsync;
        _client.ConnectedHandler = OnConnectedAsync;
        _client.DisconnectedHandler = OnDisconnectedAsync;
        _client.MessageHandler = OnAckAsync;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await StartDeliveryAsync(stoppingToken);
        await StartClientAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Idle, the forwarder sleeps until a poll appends or the connection comes up (both signal), the next
                // prune or the acknowledgement timeout: waking every second to find nothing cost more CPU than all the
                // polling (Agent.Bench).
                if (!await StepAsync(stoppingToken)) await _signal.WaitAsync(IdleWait(), _time, stoppingToken);
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

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

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
}
