using Chezlepro.Mqtt.Internal;
using Chezlepro.Mqtt.Packets;

namespace Chezlepro.Mqtt;

public sealed partial class MqttClient
{
    private async Task ReadLoopAsync(MqttConnection connection)
    {
        var buffer = new byte[16 * 1024];
        int start = 0, end = 0;
        try
        {
            while (true)
            {
                var needed = 0;
                while (true)
                {
                    var result = MqttPacketDecoder.Decode(buffer.AsSpan(start, end - start), connection.MaxIncomingPacketSize, connection.ProtocolLevel);
                    if (result.Status == DecodeStatus.Error)
                        throw new MqttProtocolException($"malformed packet from the broker: {result.Error}");
                    if (result.Status == DecodeStatus.NeedMore)
                    {
                        needed = result.Needed;
                        break;
                    }
                    start += result.Consumed;
                    Handle(connection, result.Packet!);
                }
                if (start == end) start = end = 0;
                if (end == buffer.Length || start + needed > buffer.Length)
                {
                    // The decoder already refused anything above MaxIncomingPacketSize, so growing is bounded.
                    var size = Math.Max(buffer.Length, needed);
                    if (end - start == size) size *= 2;
                    var grown = size == buffer.Length ? buffer : new byte[size];
                    Buffer.BlockCopy(buffer, start, grown, 0, end - start);
                    buffer = grown;
                    end -= start;
                    start = 0;
                }
                var read = await connection.Transport.ReadAsync(buffer.AsMemory(end), connection.Token);
                if (read == 0) throw new MqttConnectionLostException("the broker closed the connection");
                end += read;
            }
        }
        catch (Exception ex)
        {
            var reason = ex is OperationCanceledException ? "closed" : ex.Message;
            connection.Close(ex is OperationCanceledException ? null : ex, clean: false, reason);
        }
    }

    private void Handle(MqttConnection connection, MqttPacket packet)
    {
        switch (packet)
        {
            case ConnAckPacket connAck:
                // A second CONNACK is a protocol violation (§3.2).
                if (!connection.ConnAck.TrySetResult(connAck)) throw new MqttProtocolException("second CONNACK on one connection");
                break;
            case PublishPacket publish:
                connection.Incoming.Writer.TryWrite(publish);
                break;
            case PubAckPacket { ReasonCode: >= 0x80 } ack:
                // MQTT 5 §3.4.2.1: a failure code still frees the id and is not re-sent [MQTT-4.4.0-2]; the caller sees it.
                Complete(ack.PacketId, ack, new MqttPublishRejectedException(
                    $"the broker rejected the publish: {Packets.MqttProperties.Describe(ack.ReasonCode)}" +
                    (ack.ReasonString is null ? "" : $" ({ack.ReasonString})"), ack.ReasonCode));
                break;
            case PubAckPacket ack:
                Complete(ack.PacketId, ack);
                break;
            case ServerDisconnectPacket disconnect:
                throw new MqttConnectionLostException($"the broker sent DISCONNECT: {Packets.MqttProperties.Describe(disconnect.ReasonCode)}" +
                    (disconnect.ReasonString is null ? "" : $" ({disconnect.ReasonString})"));
            case SubAckPacket ack:
                Complete(ack.PacketId, ack);
                break;
            case UnsubAckPacket ack:
                Complete(ack.PacketId, ack);
                break;
            case PingRespPacket:
                connection.PingDeadline = 0;
                break;
        }
    }

    private void Complete(ushort packetId, MqttPacket ack, Exception? failure = null)
    {
        PendingAck? pending;
        lock (_gate)
        {
            if (!_pending.Remove(packetId, out pending))
            {
                MqttLog.UnknownAck(_logger, packetId);
                return;
            }
            // [MQTT-2.3.1-3]: the id is free once its acknowledgement is processed.
            if (pending.HoldsInflightSlot)
            {
                _inflightCount--;
                PumpWaitingLocked();
            }
        }
        if (failure is null) pending.Succeed(ack);
        else pending.Fail(failure);
    }

    /// <summary>
    /// Hands received messages to the application in arrival order, then acknowledges QoS 1 in that order
    /// [MQTT-4.6.0-2]. A failing handler gets no PUBACK: the connection is dropped instead, so a durable session
    /// redelivers the message rather than losing it.
    /// </summary>
    private async Task DispatchLoopAsync(MqttConnection connection)
    {
        var reader = connection.Incoming.Reader;
        var batch = new List<PublishPacket>();
        var messages = new List<MqttApplicationMessage>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            messages.Clear();
            var max = BatchMessageHandler is null ? 1 : Math.Max(1, _options.MaxIncomingBatch);
            while (batch.Count < max && reader.TryRead(out var publish))
            {
                batch.Add(publish);
                messages.Add(ToMessage(publish));
            }
            if (batch.Count == 0) continue;
            try
            {
                if (BatchMessageHandler is { } batchHandler) await batchHandler(messages, _lifetime.Token);
                else if (MessageHandler is { } handler) await handler(messages[0], _lifetime.Token);
            }
            catch (Exception ex)
            {
                MqttLog.HandlerFailed(_logger, "message", ex);
                AbortConnection();
                return;
            }
            // [MQTT-4.3.2-2] PUBACK once we own the message.
            foreach (var publish in batch)
            {
                if (publish.Qos == MqttQualityOfService.AtLeastOnce) connection.TrySend(PubAckPacket.Encode(publish.PacketId));
            }
        }
    }

    private static MqttApplicationMessage ToMessage(PublishPacket publish) =>
        new(publish.Topic, publish.Payload, publish.Qos, publish.Retain)
        {
            Duplicate = publish.Dup,
            MessageExpiryInterval = publish.Properties?.MessageExpiry is { } expiry ? TimeSpan.FromSeconds(expiry) : null,
            UserProperties = publish.Properties?.UserProperties,
        };
}
