namespace Chezlepro.Mqtt;

/// <summary>
/// The narrow MQTT seam the agent and the collector use. One implementation keeps one logical
/// connection alive: it connects, and after a loss reconnects with jittered exponential backoff until stopped.
/// </summary>
public interface IMqttClient : IAsyncDisposable
{
    /// <summary>True between an accepted CONNACK and the end of that connection.</summary>
    bool IsConnected { get; }

    /// <summary>
    /// Called before every CONNECT to produce that connection's will (or null for none), so a will can
    /// carry the session counter of the connection it belongs to. Set before <see cref="StartAsync"/>.
    /// </summary>
    Func<CancellationToken, ValueTask<MqttApplicationMessage?>>? WillFactory { get; set; }

    /// <summary>Called after every accepted CONNACK (and after re-subscription); exceptions are logged, not fatal.</summary>
    Func<MqttConnectedEventArgs, CancellationToken, Task>? ConnectedHandler { get; set; }

    /// <summary>Called when a connection ends.</summary>
    Func<MqttDisconnectedEventArgs, Task>? DisconnectedHandler { get; set; }

    /// <summary>
    /// Called for each received PUBLISH, in order; a QoS 1 message is acknowledged after the handler returns. When
    /// the handler throws, the message is not acknowledged and the connection is dropped, so that a broker holding
    /// a durable session delivers it again.
    /// </summary>
    Func<MqttApplicationMessage, CancellationToken, Task>? MessageHandler { get; set; }

    /// <summary>
    /// When set, takes precedence over <see cref="MessageHandler"/>: called with every message already received
    /// (in order, at most <c>MaxIncomingBatch</c>), and all of them are acknowledged once it returns — one storage
    /// transaction per batch instead of per message. When it throws, none is acknowledged and the connection drops.
    /// </summary>
    Func<IReadOnlyList<MqttApplicationMessage>, CancellationToken, Task>? BatchMessageHandler { get; set; }

    /// <summary>
    /// Starts the connection loop and returns once the first connection attempt has finished
    /// (successfully or not). A refused CONNACK (bad credentials, not authorised) throws
    /// <see cref="MqttConnectException"/> instead of looping silently.
    /// </summary>
    /// <param name="cancellationToken">Cancels the first attempt.</param>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Publishes one message. QoS 0 completes once written; QoS 1 completes on its PUBACK. Throws
    /// <see cref="MqttNotConnectedException"/> when there is no connection at the call.
    /// <para>
    /// When the connection ends before the PUBACK: with <c>CleanSession = true</c> the wait fails with
    /// <see cref="MqttConnectionLostException"/> (the caller re-sends). With <c>CleanSession = false</c> the message
    /// is kept and the wait goes on: after the reconnect it is re-sent before any new publish, in the original
    /// order and with its original packet id, with DUP = 1 when the broker kept the session (Session Present 1,
    /// [MQTT-4.4.0-1], [MQTT-3.3.1-1]) or as a fresh publish when it did not (Session Present 0), and the task
    /// completes on that PUBACK. Only <c>StopAsync</c> then fails it with <see cref="MqttConnectionLostException"/>.
    /// </para>
    /// </summary>
    /// <param name="message">Message to send; topic validated before anything is written.</param>
    /// <param name="cancellationToken">
    /// Stops waiting only: a QoS 1 message already queued or in flight stays so (and, with a durable session, is
    /// re-sent after a reconnect), so it may still be delivered after the cancellation.
    /// </param>
    Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes QoS 1 messages in order, as <see cref="PublishAsync"/> would one after the other (same packet ids,
    /// in-flight window, re-sends and DUP), with one wait for the whole batch: completes once every message has its
    /// PUBACK or has failed, with one entry per message, in order: null when acknowledged, else the failure
    /// (<see cref="MqttConnectionLostException"/>, <see cref="MqttPublishRejectedException"/>). Throws, before
    /// anything is sent, <see cref="MqttNotConnectedException"/> when not connected and <see cref="ArgumentException"/>
    /// for a message that is not QoS 1 or cannot be sent. The default publishes one by one.
    /// </summary>
    /// <param name="messages">Messages, sent in this order.</param>
    /// <param name="cancellationToken">Stops waiting only, as for <see cref="PublishAsync"/>.</param>
    async Task<IReadOnlyList<Exception?>> PublishBatchAsync(IReadOnlyList<MqttApplicationMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sends = messages.Select(m => PublishAsync(m, cancellationToken)).ToList();
        var failures = new Exception?[sends.Count];
        for (var i = 0; i < sends.Count; i++)
        {
            try
            {
                await sends[i];
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures[i] = ex;
            }
        }
        return failures;
    }

    /// <summary>Subscribes now (when connected) and again after every reconnect.</summary>
    /// <param name="filters">Filters to add.</param>
    /// <param name="cancellationToken">Stops waiting for SUBACK.</param>
    Task SubscribeAsync(IReadOnlyList<MqttTopicFilter> filters, CancellationToken cancellationToken);

    /// <summary>Sends DISCONNECT (the broker then discards the will), closes, and stops reconnecting.</summary>
    /// <param name="cancellationToken">Bounds the wait.</param>
    Task StopAsync(CancellationToken cancellationToken);
}
