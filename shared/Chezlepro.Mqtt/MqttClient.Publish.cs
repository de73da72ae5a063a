using System.Buffers.Binary;
using Chezlepro.Mqtt.Internal;
using Chezlepro.Mqtt.Packets;
using Chezlepro.Mqtt.Validation;

namespace Chezlepro.Mqtt;

public sealed partial class MqttClient
{
    /// <inheritdoc />
    public async Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var topic = ValidatedTopic(message);
        var packet = EncodePublish(CurrentConnectionOrThrow(), message, topic);

        if (message.QualityOfService == MqttQualityOfService.AtMostOnce)
        {
            var connection = CurrentConnectionOrThrow();
            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!connection.TrySend(packet, written)) throw NotConnected();
            await written.Task.WaitAsync(cancellationToken);
            return;
        }

        PendingAck pending;
        lock (_gate)
        {
            var connection = _connection;
            if (connection is null || connection.IsClosed) throw NotConnected();
            pending = new PendingAck(connection, holdsInflightSlot: true) { Packet = packet };
            SendOrQueueLocked(pending);
        }
        // A cancelled wait leaves the message queued or in flight: its PUBACK (or the loss) frees the slot.
        await pending.Completion!.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The encoded topic, once the topic and the QoS are known to be valid: checked before anything is written, since
    /// Mosquitto would disconnect us instead (mqtt-sla.md §1.2).
    /// </summary>
    private static byte[] ValidatedTopic(MqttApplicationMessage message)
    {
        var topic = MqttTopic.EncodeName(message.Topic);
        if (message.QualityOfService > MqttQualityOfService.AtLeastOnce)
            throw new ArgumentOutOfRangeException(nameof(message), message.QualityOfService, "only QoS 0 and 1 are supported");
        return topic;
    }

    /// <summary>Encodes a PUBLISH with id 0 (patched in when it is sent); <paramref name="topic"/> from <see cref="ValidatedTopic"/>.</summary>
    private static byte[] EncodePublish(MqttConnection connection, MqttApplicationMessage message, byte[] topic)
    {
        var properties = connection.IsV5
            ? MqttProperties.Encode(
                message.MessageExpiryInterval is { } expiry ? [(MqttProperties.MessageExpiry, (uint)Math.Min(uint.MaxValue, Math.Ceiling(expiry.TotalSeconds)))] : [],
                message.UserProperties)
            : [];
        var packet = PublishPacket.Encode(topic, message.Payload.Span, message.QualityOfService, message.Retain, dup: false, packetId: 0, properties);
        // MQTT 5: never exceed the server's Maximum Packet Size (§3.2.2.3.6); it would drop us without a word.
        if (connection.MaxOutgoingPacketSize is { } max && packet.Length > max)
            throw new ArgumentException($"PUBLISH of {packet.Length} bytes exceeds the broker's Maximum Packet Size {max}", nameof(message));
        return packet;
    }

    /// <summary>Sends now when the window has room and nothing waits before it, else queues it (call order kept); under <see cref="_gate"/>.</summary>
    private void SendOrQueueLocked(PendingAck pending)
    {
        // The in-flight window (§4.6): beyond MaxInflight, publishes wait in a FIFO and go out as PUBACKs free
        // slots, so the wire order is the call order even with MaxInflight 1 [MQTT-4.6.0-1].
        if (_inflightCount < WindowLocked() && _waiting.Count == 0) SendQueuedLocked(pending);
        else _waiting.Enqueue(pending);
    }

    /// <summary>Allocates the id, patches it into the packet and queues it for the writer; under <see cref="_gate"/>.</summary>
    private void SendQueuedLocked(PendingAck pending)
    {
        var packet = pending.Packet!;
        var id = NextPacketIdLocked();
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(PublishPacket.PacketIdOffset(packet)), id);
        _pending[id] = pending;
        _inflightCount++;
        pending.Packet = null;
        pending.Order = ++_sendOrder;
        // Client-side session state is the QoS 1 publishes sent and not acknowledged (§4.1): kept for a re-send.
        if (!_options.CleanSession) pending.Sent = packet;
        if (!pending.Connection.TrySend(packet))
        {
            // A durable session keeps it: the next connection re-sends it with this id [MQTT-4.4.0-1].
            if (KeepsSessionLocked()) return;
            _pending.Remove(id);
            _inflightCount--;
            pending.Fail(new MqttConnectionLostException("the connection ended before the message was sent"));
        }
    }

    /// <summary>Sends waiting publishes while the window has room; under <see cref="_gate"/>.</summary>
    private void PumpWaitingLocked()
    {
        while (_inflightCount < WindowLocked() && _waiting.TryPeek(out var next))
        {
            if (next.Connection.IsClosed)
            {
                // A durable session keeps the queue as it is for the next connection, in call order [MQTT-4.6.0-1].
                if (KeepsSessionLocked()) return;
                _waiting.Dequeue();
                next.Fail(new MqttConnectionLostException("the connection ended before the message was sent"));
                continue;
            }
            _waiting.Dequeue();
            SendQueuedLocked(next);
        }
    }

    /// <inheritdoc />
    public async Task SubscribeAsync(IReadOnlyList<MqttTopicFilter> filters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Count == 0) throw new ArgumentException("at least one filter is needed [MQTT-3.8.3-3]", nameof(filters));
        foreach (var f in filters)
        {
            MqttTopic.EncodeFilter(f.Filter);
            if (f.QualityOfService > MqttQualityOfService.AtLeastOnce)
                throw new ArgumentOutOfRangeException(nameof(filters), f.QualityOfService, "only QoS 0 and 1 are supported");
        }
        MqttConnection? connection;
        lock (_gate)
        {
            foreach (var f in filters)
            {
                // A repeated filter replaces the earlier one, as the broker does [MQTT-3.8.4-3].
                _subscriptions.RemoveAll(s => s.Filter == f.Filter);
                _subscriptions.Add(f);
            }
            connection = _connection;
        }
        if (connection is null || connection.IsClosed) return;
        await SendSubscribeAsync(connection, filters, cancellationToken);
    }

    /// <summary>Forgets filters and, when connected, sends UNSUBSCRIBE and waits for UNSUBACK.</summary>
    /// <param name="filters">Filters exactly as subscribed (compared character by character, [MQTT-3.10.4-1]).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task UnsubscribeAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var encoded = filters.Select(MqttTopic.EncodeFilter).ToList();
        PendingAck pending;
        lock (_gate)
        {
            _subscriptions.RemoveAll(s => filters.Contains(s.Filter));
            var connection = _connection;
            if (connection is null || connection.IsClosed) return;
            var id = NextPacketIdLocked();
            pending = new PendingAck(connection, holdsInflightSlot: false);
            _pending[id] = pending;
            connection.TrySend(UnsubscribePacket.Encode(id, encoded, connection.IsV5));
        }
        await pending.Completion!.Task.WaitAsync(cancellationToken);
    }

    private async Task ResubscribeAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        List<MqttTopicFilter> all;
        lock (_gate) all = [.. _subscriptions];
        // Clean Session=1 loses subscriptions with the session [MQTT-3.1.2-6]; re-sending is harmless when it was kept.
        if (all.Count > 0) await SendSubscribeAsync(connection, all, cancellationToken);
    }

    private async Task SendSubscribeAsync(MqttConnection connection, IReadOnlyList<MqttTopicFilter> filters, CancellationToken cancellationToken)
    {
        var encoded = filters.Select(f => (MqttTopic.EncodeFilter(f.Filter), f.QualityOfService)).ToList();
        PendingAck pending;
        lock (_gate)
        {
            var id = NextPacketIdLocked();
            pending = new PendingAck(connection, holdsInflightSlot: false);
            _pending[id] = pending;
            if (!connection.TrySend(SubscribePacket.Encode(id, encoded, connection.IsV5)))
            {
                _pending.Remove(id);
                throw NotConnected();
            }
        }
        var ack = (SubAckPacket)await pending.Completion!.Task.WaitAsync(cancellationToken);
        if (ack.ReturnCodes.Length != filters.Count)
            throw new MqttProtocolException($"SUBACK carries {ack.ReturnCodes.Length} codes for {filters.Count} filters [MQTT-3.9.3-1]");
        // 3.1.1 has one failure code, 0x80 (§3.9.3); MQTT 5 failures are all codes 0x80 and up.
        var refused = filters.Where((_, i) => ack.ReturnCodes[i] >= SubAckPacket.Failure).Select(f => f.Filter).ToList();
        foreach (var f in refused) MqttLog.SubscriptionRefused(_logger, f);
        if (refused.Count > 0)
            throw new MqttProtocolException($"the broker refused the subscription to {string.Join(", ", refused)} (SUBACK 0x80)");
    }

    /// <summary>Our window, capped by the server's Receive Maximum in MQTT 5 [MQTT-4.9.0-1].</summary>
    private int WindowLocked() => Math.Min(_options.MaxInflight, _connection?.SendQuota ?? int.MaxValue);

    /// <summary>Next id not in use, never 0 [MQTT-2.3.1-1], [MQTT-2.3.1-2].</summary>
    private ushort NextPacketIdLocked()
    {
        for (var tries = 0; tries < ushort.MaxValue; tries++)
        {
            _lastPacketId = (ushort)(_lastPacketId == ushort.MaxValue ? 1 : _lastPacketId + 1);
            if (!_pending.ContainsKey(_lastPacketId)) return _lastPacketId;
        }
        throw new InvalidOperationException("all 65 535 packet identifiers are in use");
    }

    private MqttConnection CurrentConnectionOrThrow() =>
        Volatile.Read(ref _connection) is { IsClosed: false } c ? c : throw NotConnected();

    private MqttNotConnectedException NotConnected() =>
        new($"not connected to the MQTT broker {_options.Host}:{_options.Port}");
}
